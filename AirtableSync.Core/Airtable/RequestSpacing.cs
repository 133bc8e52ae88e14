namespace AirtableSync.Airtable;

/// <summary>
/// Pacing state of one rate-limit scope (a base or a token): requests at least <c>window / permits</c> apart,
/// which means no window of length <c>window</c> ever holds more than <c>permits</c> of them, plus a pause
/// after a 429. Not thread-safe: <see cref="AirtableRateLimiters"/> guards it with its lock.
/// </summary>
/// <remarks>
/// A waiter always wakes a little late (timer and thread-pool latency). Scheduling the next slot from the grant
/// time would lose that lateness on every request and fall visibly below the limit under load; scheduling
/// purely from the previous slot would let a late request and the next one leave closer than the interval.
/// So up to <c>catchUp</c> of lateness is forgiven: any N+1 consecutive grants still span at least
/// <c>N × interval − catchUp</c>.
/// </remarks>
internal sealed class RequestSpacing(TimeSpan interval, TimeSpan catchUp)
{
    private DateTimeOffset _nextAllowed = DateTimeOffset.MinValue;

    public DateTimeOffset PausedUntil { get; private set; } = DateTimeOffset.MinValue;

    public TimeSpan WaitTime(DateTimeOffset now)
    {
        var earliest = _nextAllowed > PausedUntil ? _nextAllowed : PausedUntil;
        return earliest > now ? earliest - now : TimeSpan.Zero;
    }

    public void Take(DateTimeOffset now)
    {
        var forgiven = now - catchUp;
        _nextAllowed = (_nextAllowed > forgiven ? _nextAllowed : forgiven) + interval;
    }

    public void PauseUntil(DateTimeOffset until)
    {
        if (until > PausedUntil)
        {
            PausedUntil = until;
        }
    }
}
