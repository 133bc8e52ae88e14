using Microsoft.Extensions.Options;

namespace AirtableSync.Airtable;

/// <summary>
/// Process-wide pacing for Airtable: one scope per base (5 req/s) and one per token owner (50 req/s),
/// shared by every client instance (public-api.md §4.1, §8). A request leaves only when both its scopes allow
/// it (<see cref="SlidingRequestLog"/>); a base paused after a 429 holds back every request for that base,
/// including ones already waiting, while other bases go on. All waiting uses the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class AirtableRateLimiters(IOptions<AirtableOptions> options, IOptions<AirtableResilienceOptions> resilience, TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SlidingRequestLog> _bases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlidingRequestLog> _tokens = new(StringComparer.Ordinal);
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeProvider TimeProvider => timeProvider;

    /// <summary>
    /// Waits until a request for <paramref name="baseId"/> (null for meta calls) with this token may be sent and
    /// claims its slots. Dispose the lease when the response (or failure) comes back.
    /// </summary>
    public async ValueTask<AirtableRateLease> AcquireAsync(string? baseId, string tokenKey, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task released;
            TimeSpan? wait;
            lock (_lock)
            {
                if (TryAcquire(baseId, tokenKey, out wait) is { } lease)
                {
                    return lease;
                }
                released = _released.Task;
            }
            // Re-checked after the wait: a pause may have been set meanwhile, or another waiter took the slot.
            try
            {
                await (wait is { } delay ? released.WaitAsync(delay, timeProvider, cancellationToken) : released.WaitAsync(cancellationToken));
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>Claims the slots now, or returns null and how long to wait (null: until an in-flight request of a full scope returns).</summary>
    internal AirtableRateLease? TryAcquire(string? baseId, string tokenKey, out TimeSpan? wait)
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            var token = Scope(_tokens, tokenKey, options.Value.RequestsPerSecondPerToken);
            var @base = baseId is null ? null : Scope(_bases, baseId, options.Value.RequestsPerSecondPerBase);
            var tokenWait = token.WaitTime(now);
            var baseWait = @base is null ? TimeSpan.Zero : @base.WaitTime(now);
            if (tokenWait == TimeSpan.Zero && baseWait == TimeSpan.Zero)
            {
                wait = TimeSpan.Zero;
                return new AirtableRateLease(this, now, [token.Take(now), .. @base is null ? Array.Empty<RequestSlot>() : [@base.Take(now)]]);
            }
            wait = tokenWait is null || baseWait is null ? null : Max(tokenWait.Value, baseWait.Value);
            return null;
        }
    }

    /// <summary>After 429 RATE_LIMIT_REACHED: nothing more for this base (or, for meta calls, this token) until the penalty has passed.</summary>
    public DateTimeOffset Pause(string? baseId, string tokenKey, TimeSpan penalty)
    {
        lock (_lock)
        {
            var until = timeProvider.GetUtcNow() + penalty;
            var scope = baseId is null
                ? Scope(_tokens, tokenKey, options.Value.RequestsPerSecondPerToken)
                : Scope(_bases, baseId, options.Value.RequestsPerSecondPerBase);
            scope.PauseUntil(until);
            return scope.PausedUntil;
        }
    }

    /// <summary>When the base may be called again; null when it is not paused.</summary>
    public DateTimeOffset? PausedUntil(string baseId)
    {
        lock (_lock)
        {
            return _bases.TryGetValue(baseId, out var scope) && scope.PausedUntil > timeProvider.GetUtcNow() ? scope.PausedUntil : null;
        }
    }

    internal void Release(IReadOnlyList<RequestSlot> slots)
    {
        TaskCompletionSource released;
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            foreach (var slot in slots)
            {
                slot.End ??= now;
            }
            released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        released.TrySetResult();
    }

    private SlidingRequestLog Scope(Dictionary<string, SlidingRequestLog> scopes, string key, double perSecond)
    {
        if (!scopes.TryGetValue(key, out var scope))
        {
            // 5/s → 5 per second; a fractional rate such as 0.5/s → 1 per 2 s. The margin guards against the
            // server's clock reading a hair ahead of ours.
            var permits = Math.Max(1, (int)Math.Floor(perSecond));
            scope = new SlidingRequestLog(permits, TimeSpan.FromSeconds(permits / perSecond) + resilience.Value.RateLimitWindowMargin);
            scopes[key] = scope;
        }
        return scope;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>The slots one request holds; disposing it (when the answer is back) starts their one-window cool-down.</summary>
public sealed class AirtableRateLease : IDisposable
{
    private readonly AirtableRateLimiters _owner;
    private readonly IReadOnlyList<RequestSlot> _slots;

    internal AirtableRateLease(AirtableRateLimiters owner, DateTimeOffset grantedAt, IReadOnlyList<RequestSlot> slots)
    {
        _owner = owner;
        _slots = slots;
        GrantedAt = grantedAt;
    }

    public DateTimeOffset GrantedAt { get; }

    public void Dispose() => _owner.Release(_slots);
}
