namespace AirtableSync.Web.Endpoints.Api;

/// <param name="Mode">"full" (default) or "incremental".</param>
public sealed record StartSyncRequest(IReadOnlyList<string>? BaseIds, string? Mode, bool IncludeRevisions = false);

public sealed record StartSyncResponse(string JobId);

public sealed record JobProgressResponse(string Phase, string? CurrentItem, long Completed, long? Total, double? RatePerSecond, double? EtaSeconds);

public sealed record JobFailureResponse(string Item, string Message, DateTimeOffset At);

public sealed record JobResponse(
    string Id,
    JobKind Kind,
    JobStatus Status,
    JobProgressResponse Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    IReadOnlyList<JobFailureResponse> Failures)
{
    public static JobResponse From(JobEntry job) => new(
        job.Id,
        job.Kind,
        job.Status,
        new JobProgressResponse(job.Progress.Phase, job.Progress.CurrentItem, job.Progress.Completed, job.Progress.Total,
            job.Progress.RatePerSecond, job.Progress.EstimatedRemaining?.TotalSeconds),
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt,
        job.Error,
        [.. job.Failures.Select(f => new JobFailureResponse(f.Item, f.Message, f.At))]);
}
