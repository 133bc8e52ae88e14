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

/// <summary>Who or what started a job. Stored by name; rows from before it existed load as <see cref="Unknown"/>.</summary>
public enum JobTrigger
{
    Unknown,

    /// <summary>A signed-in user in the app.</summary>
    Manual,

    /// <summary>A REST API call, by an API key.</summary>
    Api,

    /// <summary>The sync schedule.</summary>
    Schedule,

    /// <summary>A resume of an earlier job (its id is the parameters' <c>resumeOf</c>).</summary>
    Resume,
}

/// <summary>What one job did to one table: records seen in Airtable, and what that changed in the store.</summary>
public sealed record JobTableCounts(
    string BaseId,
    string? BaseName,
    string TableId,
    string TableName,
    long Seen,
    long Added,
    long Changed,
    long Deleted,
    long RevisionEvents);

/// <summary>One step of a job, as a short line for people ("Campaigns: 462 records seen, 4 added, 1 changed, 0 deleted").</summary>
public sealed record JobLogLine(DateTimeOffset At, string Text);

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

    public JobTrigger Trigger { get; init; }

    /// <summary>The user's name (manual), the API key's name (API), or null (schedule, or a row from before this was kept).</summary>
    public string? RequestedBy { get; init; }

    /// <summary>Per base and table, in the order the job first touched them; replaced as a whole on every save.</summary>
    public IReadOnlyList<JobTableCounts> Tables { get; init; } = [];

    /// <summary>The job's steps, oldest first; replaced as a whole on every save.</summary>
    public IReadOnlyList<JobLogLine> Log { get; init; } = [];

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.PartiallySucceeded or JobStatus.Failed or JobStatus.Cancelled;
}
