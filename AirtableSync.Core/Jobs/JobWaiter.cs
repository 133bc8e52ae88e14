using AirtableSync.Storage;

namespace AirtableSync.Jobs;

// Waits until a job reaches a state, pushed by the notifier: no polling, no sleeping.
public sealed class JobWaiter(JobProgressNotifier notifier, IJobStore store)
{
    public async Task<JobEntry> WaitForAsync(string jobId, Func<JobEntry, bool> condition, CancellationToken cancellationToken = default)
    {
        var reached = new TaskCompletionSource<JobEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = notifier.Subscribe(jobId, job =>
        {
            if (condition(job))
            {
                reached.TrySetResult(job);
            }
            return Task.CompletedTask;
        });
        // Subscribed first, then read the store: a change made in between is seen by one or the other.
        if (await store.GetJobAsync(jobId, cancellationToken) is { } stored && condition(stored))
        {
            return stored;
        }
        return await reached.Task.WaitAsync(cancellationToken);
    }

    public Task<JobEntry> WaitUntilFinishedAsync(string jobId, CancellationToken cancellationToken = default) =>
        WaitForAsync(jobId, job => job.IsFinished, cancellationToken);
}
