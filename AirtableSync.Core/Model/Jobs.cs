namespace AirtableSync.Model;

/// <summary>What a job does. Stored by name (SQLite and MongoDB), so members are added, never renamed or removed.</summary>
/// <remarks>
/// Before <see cref="IncrementalSync"/> existed, incremental syncs were stored as FullSync with <c>"mode": 1</c> in
/// their parameters. The kind alone now decides, so such a row loads, resumes and runs again as a full sync: it
/// reads more than the incremental one would have, and misses nothing.
/// </remarks>
public enum JobKind
{
    /// <summary>The schema of the selected bases, no records.</summary>
    SchemaSync,

    /// <summary>A full scan of the records of tables already stored, without refreshing the schema.</summary>
    RecordSync,

    /// <summary>Schema, then a full scan of every record (the only scan that finds deletions), then revision history if asked.</summary>
    FullSync,

    /// <summary>Revision history of the stored records, for bases already synced.</summary>
    RevisionSync,

    /// <summary>Schema, then the records changed since the last sync (a full scan when one is due), then revision history if asked.</summary>
    IncrementalSync,
}

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

public sealed record JobEntry
{
    public required string Id { get; init; }
    public required JobKind Kind { get; init; }
    public required JobStatus Status { get; init; }

    /// <summary>The job's request (bases, mode, flags) as JSON, so an interrupted job can be resumed.</summary>
    public required string ParametersJson { get; init; }

    public required JobProgress Progress { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset? StartedAt { get; init; }
    public required DateTimeOffset? FinishedAt { get; init; }
    public required string? Error { get; init; }
    public required IReadOnlyList<JobFailure> Failures { get; init; }

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.PartiallySucceeded or JobStatus.Failed or JobStatus.Cancelled;
}
