using AirtableSync.Storage;

namespace AirtableSync.Jobs;

// Cancels queued and running jobs. The runner tracks a job here BEFORE it reads the job's state, so a cancel
// either finds the job tracked (and fires its token) or leaves a request the runner sees when it starts tracking.
public sealed class JobCancellation(IJobStore store, JobProgressNotifier notifier, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CancellationTokenSource> _running = [];
    private readonly HashSet<string> _requested = [];

    public async Task<JobCancelOutcome> CancelAsync(string jobId, CancellationToken cancellationToken = default)
    {
        CancellationTokenSource? running;
        lock (_gate)
        {
            if (!_running.TryGetValue(jobId, out running))
            {
                _requested.Add(jobId);
            }
        }
        if (running is not null)
        {
            try
            {
                // CancelAsync runs the handler's callbacks on the thread pool, not on the caller (often a UI circuit).
                await running.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // The job finished between the lookup and the cancel.
            }
            return JobCancelOutcome.CancellationRequested;
        }

        var job = await store.GetJobAsync(jobId, cancellationToken);
        if (job is not { Status: JobStatus.Queued })
        {
            lock (_gate)
            {
                _requested.Remove(jobId);
            }
            return job is null ? JobCancelOutcome.NotFound : JobCancelOutcome.NotCancellable;
        }
        var cancelled = job with { Status = JobStatus.Cancelled, FinishedAt = time.GetUtcNow(), Error = "Cancelled before it started." };
        await store.SaveJobAsync(cancelled, cancellationToken);
        await notifier.PublishAsync(cancelled);
        return JobCancelOutcome.CancelledWhileQueued;
    }

    internal CancellationTokenSource Track(string jobId)
    {
        var source = new CancellationTokenSource();
        lock (_gate)
        {
            if (_requested.Remove(jobId))
            {
                source.Cancel();
            }
            _running[jobId] = source;
        }
        return source;
    }

    internal void Untrack(string jobId)
    {
        lock (_gate)
        {
            if (_running.Remove(jobId, out var source))
            {
                source.Dispose();
            }
        }
    }
}
