namespace AirtableSync.Storage;

/// <summary>Background jobs, their progress and per-item failures.</summary>
public interface IJobStore
{
    /// <summary>Upserts a job. Its failures are merged with the stored ones (never removed), so saving a stale copy cannot drop failures appended meanwhile.</summary>
    Task SaveJobAsync(JobEntry job, CancellationToken cancellationToken = default);
    Task<JobEntry?> GetJobAsync(string jobId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<JobEntry>> ListJobsAsync(int limit, CancellationToken cancellationToken = default);
    /// <summary>Appends a per-item failure; concurrent appends are all kept. Throws <see cref="KeyNotFoundException"/> for an unknown job.</summary>
    Task AddJobFailureAsync(string jobId, JobFailure failure, CancellationToken cancellationToken = default);
    /// <summary>At start-up: jobs left queued or running by a dead process become interrupted (FinishedAt = <paramref name="at"/>). Returns their ids.</summary>
    Task<IReadOnlyList<string>> InterruptUnfinishedJobsAsync(DateTimeOffset at, CancellationToken cancellationToken = default);
}
