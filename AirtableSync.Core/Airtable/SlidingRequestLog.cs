namespace AirtableSync.Airtable;

/// <summary>
/// One rate-limit scope (a base or a token): at most <c>permits</c> requests per <c>window</c>, counted the way a
/// server counts arrivals. A request's slot stays taken while it is in flight and for a whole window after its
/// response came back: Airtable saw it at some moment before that response, so a request sent a window after
/// the response arrives a window after it, whatever the network or thread-pool delays (no guessed jitter margin).
/// Requests are also kept half a slot apart, so a burst does not leave at once: when the base turns out to be
/// locked (another integration tripped it, §4.1) the first 429 is back before the next request leaves.
/// Not thread-safe: <see cref="AirtableRateLimiters"/> guards it with its lock.
/// </summary>
internal sealed class SlidingRequestLog(int permits, TimeSpan window)
{
    private readonly List<RequestSlot> _slots = [];
    private readonly TimeSpan _minimumGap = window / permits / 2;
    private DateTimeOffset _lastGrant = DateTimeOffset.MinValue;

    public DateTimeOffset PausedUntil { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Zero when a slot is free now; null when every slot is in flight (wait for a completion).</summary>
    public TimeSpan? WaitTime(DateTimeOffset now)
    {
        _slots.RemoveAll(s => s.End is { } end && end + window <= now);
        if (PausedUntil > now)
        {
            return PausedUntil - now;
        }
        if (_slots.Count < permits)
        {
            var gapEnds = _lastGrant == DateTimeOffset.MinValue ? now : _lastGrant + _minimumGap;
            return gapEnds > now ? gapEnds - now : TimeSpan.Zero;
        }
        var ended = _slots.Where(s => s.End is not null).Select(s => s.End.GetValueOrDefault() + window - now).ToList();
        return ended.Count > 0 ? ended.Min() : null;
    }

    public RequestSlot Take(DateTimeOffset now)
    {
        _lastGrant = now;
        var slot = new RequestSlot();
        _slots.Add(slot);
        return slot;
    }

    public void PauseUntil(DateTimeOffset until)
    {
        if (until > PausedUntil)
        {
            PausedUntil = until;
        }
    }
}

internal sealed class RequestSlot
{
    public DateTimeOffset? End { get; set; }
}
