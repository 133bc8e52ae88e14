using AirtableSync.Jobs;
using AirtableSync.Sync;

namespace AirtableSync.Web.Endpoints.Api;

/// <param name="Mode">"full" (default) or "incremental".</param>
public sealed record StartSyncRequest(IReadOnlyList<string>? BaseIds, string? Mode, bool IncludeRevisions = false);

public sealed record StartSyncResponse(string JobId);

public sealed record JobProgressResponse(string Phase, string? CurrentItem, long Completed, long? Total, double? RatePerSecond, double? EtaSeconds);

public sealed record JobFailureResponse(string Item, string Message, DateTimeOffset At);

public sealed record JobTableResponse(string BaseId, string? BaseName, string TableId, string TableName,
    long Seen, long Added, long Changed, long Deleted, long RevisionEvents);

public sealed record JobLogLineResponse(DateTimeOffset At, string Text);

/// <param name="Kind">The job kind's enum name (fullSync, incrementalSync, …), as before <paramref name="KindName"/> existed.</param>
/// <param name="KindName">What ran: full, incremental, schemaOnly, recordsOnly or revisionsOnly (see <paramref name="WithRevisions"/>).</param>
/// <param name="KindLabel">The same in words, as the app shows it ("Full sync with revision history").</param>
/// <param name="Trigger">manual, api, schedule, resume, or unknown for jobs from before this was kept.</param>
/// <param name="RequestedBy">The user's or API key's name; "schedule" for scheduled jobs.</param>
/// <param name="ResumeOf">The id of the job this one resumes, or null.</param>
public sealed record JobResponse(
    string Id,
    JobKind Kind,
    JobStatus Status,
    JobProgressResponse Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    IReadOnlyList<JobFailureResponse> Failures,
    string KindName,
    string KindLabel,
    bool WithRevisions,
    JobTrigger Trigger,
    string? RequestedBy,
    string? ResumeOf,
    IReadOnlyList<JobTableResponse> Tables,
    IReadOnlyList<JobLogLineResponse> Log)
{
    public static JobResponse From(JobEntry job) => From(job, JobKindDescription.Of(job));

    private static JobResponse From(JobEntry job, JobKindDescription kind) => new(
        job.Id,
        job.Kind,
        job.Status,
        new JobProgressResponse(job.Progress.Phase, job.Progress.CurrentItem, job.Progress.Completed, job.Progress.Total,
            job.Progress.RatePerSecond, job.Progress.EstimatedRemaining?.TotalSeconds),
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt,
        job.Error,
        [.. job.Failures.Select(f => new JobFailureResponse(f.Item, f.Message, f.At))],
        kind.Name,
        kind.Label,
        kind.WithRevisions,
        job.Trigger,
        job.RequestedBy,
        JobLineage.ResumeOf(job),
        [.. job.Tables.Select(t => new JobTableResponse(t.BaseId, t.BaseName, t.TableId, t.TableName, t.Seen, t.Added, t.Changed, t.Deleted, t.RevisionEvents))],
        [.. job.Log.Select(l => new JobLogLineResponse(l.At, l.Text))]);
}
