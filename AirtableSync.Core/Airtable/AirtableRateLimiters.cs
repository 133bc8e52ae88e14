using Microsoft.Extensions.Options;

namespace AirtableSync.Airtable;

// Process-wide pacing for Airtable: one scope per base (5 req/s) and one per token owner (50 req/s),
// shared by every client instance (docs/airtable/public-api.md §4.1, §8). A request leaves only when both its scopes allow
// it; a base paused after a 429 holds back every request for that base, including ones already waiting,
// while other bases go on. All waiting uses the injected TimeProvider.
public sealed class AirtableRateLimiters(IOptions<AirtableOptions> options, IOptions<AirtableResilienceOptions> resilience, TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RequestSpacing> _bases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RequestSpacing> _tokens = new(StringComparer.Ordinal);

    public TimeProvider TimeProvider => timeProvider;

    // Waits until a request for baseId (null for meta calls) with this token may be sent, claims the slot and returns its time.
    public async ValueTask<DateTimeOffset> AcquireAsync(string? baseId, string tokenKey, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryAcquire(baseId, tokenKey, out var wait) is { } granted)
            {
                return granted;
            }
            // Re-checked after the wait: a pause may have been set meanwhile, or another waiter took the slot.
            // Timers count whole milliseconds and a 0 ms delay returns at once, so a wait of 0.4 ms would spin
            // until the clock moved: round up instead.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), timeProvider, cancellationToken);
        }
    }

    internal DateTimeOffset? TryAcquire(string? baseId, string tokenKey, out TimeSpan wait)
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            var token = Scope(_tokens, tokenKey, options.Value.RequestsPerSecondPerToken);
            var @base = baseId is null ? null : Scope(_bases, baseId, options.Value.RequestsPerSecondPerBase);
            wait = Max(token.WaitTime(now), @base?.WaitTime(now) ?? TimeSpan.Zero);
            if (wait > TimeSpan.Zero)
            {
                return null;
            }
            // Both scopes are claimed together so the slot's time is the moment the request leaves.
            token.Take(now);
            @base?.Take(now);
            return now;
        }
    }

    // After 429 RATE_LIMIT_REACHED: nothing more for this base (or, for meta calls, this token) until the penalty has passed.
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

    public DateTimeOffset? PausedUntil(string baseId)
    {
        lock (_lock)
        {
            return _bases.TryGetValue(baseId, out var scope) && scope.PausedUntil > timeProvider.GetUtcNow() ? scope.PausedUntil : null;
        }
    }

    private RequestSpacing Scope(Dictionary<string, RequestSpacing> scopes, string key, double perSecond)
    {
        if (!scopes.TryGetValue(key, out var scope))
        {
            var margin = resilience.Value.RateLimitWindowMargin;
            // A third of the margin absorbs wake-up lateness; the other two thirds absorb network jitter.
            scope = new RequestSpacing((TimeSpan.FromSeconds(1) + margin) / perSecond, margin / 3);
            scopes[key] = scope;
        }
        return scope;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
