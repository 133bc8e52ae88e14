using AirtableSync.Storage;

namespace AirtableSync.Jobs;

// Resumes a job as a NEW job with the same kind and parameters plus resumeOf; the old job keeps its
// history. The new job inherits the old one's JobContext.CheckpointScope, so it continues from
// the checkpoints its predecessor saved.
public sealed class JobResumption(IJobStore store, JobQueue queue)
{
    // Only jobs that stopped early can be resumed; a partly succeeded job is run again instead.
    public static bool CanResume(JobStatus status) => status is JobStatus.Interrupted or JobStatus.Failed or JobStatus.Cancelled;

    public Task<JobEntry> ResumeAsync(string jobId, CancellationToken cancellationToken = default) =>
        ResumeAsync(jobId, requestedBy: null, cancellationToken);

    // requestedBy: The user or API key that asked for the resume, shown on the new job.
    public async Task<JobEntry> ResumeAsync(string jobId, string? requestedBy, CancellationToken cancellationToken = default)
    {
        var original = await store.GetJobAsync(jobId, cancellationToken)
            ?? throw new KeyNotFoundException($"Job '{jobId}' does not exist.");
        if (!CanResume(original.Status))
        {
            throw new InvalidOperationException($"Job '{jobId}' is {original.Status}; only interrupted, failed or cancelled jobs can be resumed.");
        }
        return await queue.EnqueueJsonAsync(original.Kind, JobParameters.ForResume(original), new JobOrigin(JobTrigger.Resume, requestedBy), cancellationToken);
    }
}
