using AirtableSync.Jobs;
using AirtableSync.Storage;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Sync;

/// <summary>
/// One scheduler tick: queues the sync whose cron time fell in (from, to], unless a sync is already queued or
/// running (a second one would only repeat its reads against the same rate limits). A full sync wins over an
/// incremental one due at the same tick, since it covers it.
/// </summary>
public sealed class ScheduledSyncTrigger(SyncScheduleStore schedules, ISyncStore store, JobQueue queue, ILogger<ScheduledSyncTrigger> logger)
{
    private const int RecentJobsChecked = 50;

    /// <returns>The queued job, or null when nothing was due or a sync was already under way.</returns>
    public async Task<JobEntry?> RunDueAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var schedule = await schedules.GetAsync(cancellationToken);
        SyncMode? mode = SyncSchedule.DueBetween(schedule.FullCron, from, to) is not null ? SyncMode.Full
            : SyncSchedule.DueBetween(schedule.IncrementalCron, from, to) is not null ? SyncMode.Incremental
            : null;
        if (mode is not { } due)
        {
            return null;
        }
        var jobs = await store.ListJobsAsync(RecentJobsChecked, cancellationToken);
        if (jobs.Any(j => (j.Kind is JobKind.FullSync or JobKind.RecordSync or JobKind.SchemaSync) && (j.Status is JobStatus.Queued or JobStatus.Running)))
        {
            logger.LogInformation("Scheduled {Mode} sync skipped: a sync is already queued or running", due);
            return null;
        }
        logger.LogInformation("Queuing the scheduled {Mode} sync", due);
        return await queue.EnqueueAsync(JobKind.FullSync, new SyncRequest(Mode: due), cancellationToken);
    }
}
