using AirtableSync.Jobs;
using AirtableSync.Storage;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Sync;

// One scheduler tick: queues the sync whose cron time fell in (from, to], unless a sync is already queued or
// running (a second one would only repeat its reads against the same rate limits). A full sync wins over an
// incremental one due at the same tick, since it covers it. However many times fell in the window, one job is queued.
public sealed class ScheduledSyncTrigger(SyncScheduleStore schedules, IJobStore store, JobQueue queue, ILogger<ScheduledSyncTrigger> logger)
{
    private const int RecentJobsChecked = 50;

    // Returns the queued job, or null when nothing was due or a sync was already under way.
    public Task<JobEntry?> RunDueAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        RunAsync(from, to, startedAt: null, cancellationToken);

    // The first tick after a start: the window opens at the instant the scheduler last checked before the app
    // stopped, so a time that passed while it was down runs once now (as systemd's Persistent=true timers do).
    public Task<JobEntry?> CatchUpAsync(DateTimeOffset lastChecked, DateTimeOffset startedAt, DateTimeOffset to, CancellationToken cancellationToken) =>
        RunAsync(lastChecked, to, startedAt, cancellationToken);

    private async Task<JobEntry?> RunAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset? startedAt, CancellationToken cancellationToken)
    {
        var (schedule, savedAt) = await schedules.GetSavedAsync(cancellationToken);
        // A time before the admin saved the schedule was never asked for. Without this bound, a schedule saved after a
        // restart but before the first tick would fire for a time in the downtime, when that schedule did not exist yet.
        // The saved instant is kept in the schedule document itself, so no write order between the two keys matters.
        if (savedAt is { } saved && saved > from)
        {
            from = saved;
        }
        var zone = schedule.Zone();
        var due = SyncSchedule.DueBetween(schedule.FullCron, zone, from, to) is { } fullAt ? (Mode: SyncMode.Full, At: fullAt)
            : SyncSchedule.DueBetween(schedule.IncrementalCron, zone, from, to) is { } incrementalAt ? (Mode: SyncMode.Incremental, At: incrementalAt)
            : ((SyncMode Mode, DateTimeOffset At)?)null;
        if (due is not { } run)
        {
            return null;
        }
        var jobs = await store.ListJobsAsync(RecentJobsChecked, cancellationToken);
        if (jobs.Any(j => SyncJobKinds.IsSync(j.Kind) && (j.Status is JobStatus.Queued or JobStatus.Running)))
        {
            logger.LogInformation("Scheduled {Mode} sync skipped: a sync is already queued or running", run.Mode);
            return null;
        }
        if (startedAt is { } started && run.At <= started)
        {
            logger.LogInformation("Caught up the {Mode} sync due at {DueAt:u} missed while the app was stopped", run.Mode, run.At);
        }
        else
        {
            logger.LogInformation("Queuing the scheduled {Mode} sync", run.Mode);
        }
        return await queue.EnqueueAsync(SyncJobKinds.For(run.Mode), new SyncRequest(), JobOrigin.Schedule, cancellationToken);
    }
}
