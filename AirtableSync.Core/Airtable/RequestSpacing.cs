namespace AirtableSync.Airtable;

// Pacing state of one rate-limit scope (a base or a token): requests at least window / permits apart,
// which means no window of length window ever holds more than permits of them, plus a pause
// after a 429. Not thread-safe: AirtableRateLimiters guards it with its lock.
// A waiter always wakes a little late (timer and thread-pool latency). Scheduling the next slot from the grant
// time would lose that lateness on every request and fall visibly below the limit under load; scheduling
// purely from the previous slot would let a late request and the next one leave closer than the interval.
// So up to catchUp of lateness is forgiven: any N+1 consecutive grants still span at least
// N × interval − catchUp.
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
