namespace AirtableSync.Model;

public enum JobKind { SchemaSync, RecordSync, FullSync, RevisionSync }

public enum JobStatus { Queued, Running, Succeeded, PartiallySucceeded, Failed, Cancelled, Interrupted }

public sealed record JobProgress(
    string Phase,
    string? CurrentItem,
    long Completed,
    long? Total,
    double? RatePerSecond,
    TimeSpan? EstimatedRemaining)
{
    public static JobProgress NotStarted { get; } = new("queued", null, 0, null, null, null);
}

public sealed record JobFailure(string Item, string Message, DateTimeOffset At);

/// <param name="ParametersJson">The job's request (bases, mode, flags) as JSON, so an interrupted job can be resumed.</param>
public sealed record JobEntry(
    string Id,
    JobKind Kind,
    JobStatus Status,
    string ParametersJson,
    JobProgress Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    IReadOnlyList<JobFailure> Failures)
{
    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.PartiallySucceeded or JobStatus.Failed or JobStatus.Cancelled;
}
