using Microsoft.Extensions.Logging;

namespace AirtableSync.Jobs;

// Pushes every job change (state, progress, failure) to subscribers, in the order each job produced them.
// Blazor components subscribe after first render and re-render through InvokeAsync; a subscriber
// that throws is logged and skipped so it cannot break the job or other subscribers.
public sealed class JobProgressNotifier(ILogger<JobProgressNotifier> logger)
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    public IDisposable Subscribe(Func<JobEntry, Task> onChanged)
    {
        var subscription = new Subscription(this, onChanged);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }
        return subscription;
    }

    // Only changes of one job, e.g. for a job's detail page.
    public IDisposable Subscribe(string jobId, Func<JobEntry, Task> onChanged) =>
        Subscribe(job => job.Id == jobId ? onChanged(job) : Task.CompletedTask);

    internal async Task PublishAsync(JobEntry job)
    {
        // Read once: subscribing or disposing during a publish swaps the array instead of mutating it.
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            try
            {
                await subscription.OnChanged(job);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A job progress subscriber failed for job {JobId}", job.Id);
            }
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }
    }

    private sealed class Subscription(JobProgressNotifier notifier, Func<JobEntry, Task> onChanged) : IDisposable
    {
        public Func<JobEntry, Task> OnChanged => onChanged;

        public void Dispose() => notifier.Unsubscribe(this);
    }
}
