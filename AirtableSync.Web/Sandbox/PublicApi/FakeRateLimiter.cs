namespace AirtableSync.Sandbox.PublicApi;

/// <summary>
/// Airtable's limits (docs/airtable/public-api.md §4.1): RequestsPerSecondPerBase per base and RequestsPerSecondPerToken per user,
/// each over a sliding window of <see cref="FakeAirtableOptions.RateLimitWindow"/>.
/// Window semantics, which the real client must stay under:
/// - a request counts at its arrival time t (the state's TimeProvider), before the handler runs;
/// - it is admitted when fewer than N requests were admitted for that key in (t - window, t];
/// - otherwise it gets 429 RATE_LIMIT_REACHED and the key is locked until t + RateLimitPenalty;
/// - every request while locked gets 429; those requests neither count nor extend the lock (Airtable documents
///   "wait 30 seconds", nothing about extension — docs/airtable/public-api.md §4.1);
/// - a request is admitted only if BOTH its base key and its user key admit it, and is then counted on both.
/// The per-user key is the token's user id: Airtable's 50 rps is per user or service account across all its tokens.
/// </summary>
public sealed class FakeRateLimiter(FakeAirtableOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, KeyWindow> _windows = new(StringComparer.Ordinal);

    // Null when admitted, else which key refused ("base:app…" or "user:usr…").
    internal string? TryAdmit(string? baseId, string? userId, DateTimeOffset now)
    {
        var keys = new List<(string Key, int Limit)>(2);
        if (baseId is not null)
        {
            keys.Add(("base:" + baseId, options.RequestsPerSecondPerBase));
        }
        if (userId is not null)
        {
            keys.Add(("user:" + userId, options.RequestsPerSecondPerToken));
        }
        lock (_gate)
        {
            foreach (var (key, _) in keys)
            {
                if (Window(key).LockedUntil > now)
                {
                    return key;
                }
            }
            foreach (var (key, limit) in keys)
            {
                var window = Window(key);
                window.Arrivals.RemoveAll(a => a <= now - (2 * options.RateLimitWindow));
                if (!Fits(window.Arrivals, now, limit))
                {
                    window.LockedUntil = now + options.RateLimitPenalty;
                    return key;
                }
            }
            foreach (var (key, _) in keys)
            {
                Window(key).Arrivals.Add(now);
            }
            return null;
        }
    }

    // Arrivals are stamped before the simulated latency, so they may be admitted slightly out of order: every window of length
    // RateLimitWindow that would contain the new arrival is checked, not only the one ending at it.
    private bool Fits(List<DateTimeOffset> arrivals, DateTimeOffset at, int limit)
    {
        var window = options.RateLimitWindow;
        foreach (var end in arrivals.Where(a => a >= at && a < at + window).Append(at))
        {
            if (arrivals.Count(a => a > end - window && a <= end) + 1 > limit)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>When the base's penalty ends, or null when it is not locked at <paramref name="now"/>.</summary>
    public DateTimeOffset? BaseLockedUntil(string baseId, DateTimeOffset now) => LockedUntil("base:" + baseId, now);

    public DateTimeOffset? UserLockedUntil(string userId, DateTimeOffset now) => LockedUntil("user:" + userId, now);

    public void Reset()
    {
        lock (_gate)
        {
            _windows.Clear();
        }
    }

    private DateTimeOffset? LockedUntil(string key, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _windows.TryGetValue(key, out var w) && w.LockedUntil > now ? w.LockedUntil : null;
        }
    }

    private KeyWindow Window(string key)
    {
        if (!_windows.TryGetValue(key, out var window))
        {
            window = new KeyWindow();
            _windows[key] = window;
        }
        return window;
    }

    private sealed class KeyWindow
    {
        public List<DateTimeOffset> Arrivals { get; } = [];
        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
