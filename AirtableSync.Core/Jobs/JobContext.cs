using System.Text.Json;
using AirtableSync.Storage;

namespace AirtableSync.Jobs;

/// <summary>What a running <see cref="IJobHandler"/> knows about its job and how it reports back.</summary>
public sealed class JobContext
{
    private readonly JobTracker _tracker;

    internal JobContext(JobEntry job, JobTracker tracker, CancellationToken cancellationToken)
    {
        _tracker = tracker;
        JobId = job.Id;
        Kind = job.Kind;
        ParametersJson = job.ParametersJson;
        ResumeOf = JobParameters.ReadString(job.ParametersJson, JobParameters.ResumeOf);
        CheckpointScope = JobParameters.ReadString(job.ParametersJson, JobParameters.CheckpointScope)
            ?? JobParameters.DefaultCheckpointScope(job.Id);
        CancellationToken = cancellationToken;
    }

    public string JobId { get; }

    public JobKind Kind { get; }

    /// <summary>The parameters given to <see cref="JobQueue.EnqueueAsync"/>, as a JSON object (web defaults: camelCase).</summary>
    public string ParametersJson { get; }

    /// <summary>The interrupted, failed or cancelled job this one resumes, or null for a fresh job.</summary>
    public string? ResumeOf { get; }

    /// <summary>
    /// The scope under which this job keeps its <see cref="ICheckpointStore.SaveCheckpointAsync"/> documents.
    /// A fresh job gets <c>job:{its id}</c>; a resumed job inherits the scope of the job it resumes (all the way
    /// back to the first job of the chain), so it finds the checkpoints its predecessor saved and continues from
    /// there. Checkpoints that must outlive a chain of jobs (e.g. "last incremental sync of base X") belong under
    /// a stable scope of the handler's own choosing instead.
    /// </summary>
    public string CheckpointScope { get; }

    /// <summary>Fires when the user cancels the job or the app stops; the same token is passed to the handler.</summary>
    public CancellationToken CancellationToken { get; }

    public int FailureCount => _tracker.FailureCount;

    public T GetParameters<T>() =>
        JsonSerializer.Deserialize<T>(ParametersJson, JobParameters.SerializerOptions)
        ?? throw new InvalidOperationException($"Job {JobId} has no parameters of type {typeof(T).Name}.");

    /// <summary>
    /// Pushes progress to subscribers at once and persists it at most once per <c>Jobs:ProgressPersistInterval</c>.
    /// Records/s and the ETA are computed here; a change of <paramref name="phase"/> restarts the rate.
    /// </summary>
    public Task ReportProgressAsync(string phase, string? currentItem, long completed, long? total, CancellationToken cancellationToken = default) =>
        _tracker.ReportProgressAsync(phase, currentItem, completed, total, cancellationToken);

    /// <summary>Adds to the job's counts for one table (the values are increments); saved with the next progress report.</summary>
    public void CountTable(JobTableCounts delta) => _tracker.CountTable(delta);

    /// <summary>Adds a short line to the job's log of steps, for people ("Base Marketing: schema, 3 tables"); saved at once.</summary>
    public Task LogAsync(string text, CancellationToken cancellationToken = default) => _tracker.LogAsync(text, cancellationToken);

    /// <summary>Records a per-item failure and lets the job go on; the job ends PartiallySucceeded.</summary>
    public Task RecordFailureAsync(string item, string message, CancellationToken cancellationToken = default) =>
        _tracker.RecordFailureAsync(item, message, cancellationToken);

    /// <summary>
    /// Runs one item, recording its exception as a failure. Cancellation and <see cref="IFailFastException"/>s
    /// propagate, since no later item could succeed either. Returns whether the item succeeded.
    /// </summary>
    public async Task<bool> RunItemAsync(string item, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await work(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not IFailFastException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            await RecordFailureAsync(item, JobErrors.Describe(ex), cancellationToken);
            return false;
        }
    }
}
