namespace AirtableSync.Web.Components.Shared;

// Said by the Connect page after it saves or removes a connection, so that every circuit's app-bar chip re-reads
// the status instead of showing what it read when its page first rendered. In-process only, like the circuits.
public sealed class ConnectionChanges(ILogger<ConnectionChanges> logger)
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    public IDisposable Subscribe(Func<Task> onChanged)
    {
        var subscription = new Subscription(this, onChanged);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }
        return subscription;
    }

    public async Task PublishAsync()
    {
        // Read once: subscribing or disposing during a publish swaps the array instead of mutating it.
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            try
            {
                await subscription.OnChanged();
            }
            catch (Exception ex)
            {
                // One broken circuit must not stop the others, nor fail the connect that raised it.
                logger.LogWarning(ex, "A connection change subscriber failed");
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

    private sealed class Subscription(ConnectionChanges changes, Func<Task> onChanged) : IDisposable
    {
        public Func<Task> OnChanged => onChanged;

        public void Dispose() => changes.Unsubscribe(this);
    }
}
