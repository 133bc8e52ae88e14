using AirtableSync.Storage;

namespace AirtableSync.Jobs;

/// <summary>
/// Resumes a job as a NEW job with the same kind and parameters plus <c>resumeOf</c>; the old job keeps its
/// history. The new job inherits the old one's <see cref="JobContext.CheckpointScope"/>, so it continues from
/// the checkpoints its predecessor saved.
/// </summary>
public sealed class JobResumption(ISyncStore store, JobQueue queue)
{
    public async Task<JobEntry> ResumeAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var original = await store.GetJobAsync(jobId, cancellationToken)
            ?? throw new KeyNotFoundException($"Job '{jobId}' does not exist.");
        if (original.Status is not (JobStatus.Interrupted or JobStatus.Failed or JobStatus.Cancelled))
        {
            throw new InvalidOperationException($"Job '{jobId}' is {original.Status}; only interrupted, failed or cancelled jobs can be resumed.");
        }
        return await queue.EnqueueJsonAsync(original.Kind, JobParameters.ForResume(original), cancellationToken);
    }
}
