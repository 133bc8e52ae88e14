namespace AirtableSync.Airtable;

/// <summary>
/// Pacing state of one rate-limit scope (a base or a token): requests at least <c>window / permits</c> apart,
/// which means no window of length <c>window</c> ever holds more than <c>permits</c> of them, plus a pause
/// after a 429. Not thread-safe: <see cref="AirtableRateLimiters"/> guards it with its lock.
/// </summary>
internal sealed class RequestSpacing(TimeSpan interval)
{
    private DateTimeOffset _nextAllowed = DateTimeOffset.MinValue;

    public DateTimeOffset PausedUntil { get; private set; } = DateTimeOffset.MinValue;

    public TimeSpan WaitTime(DateTimeOffset now)
    {
        var earliest = _nextAllowed > PausedUntil ? _nextAllowed : PausedUntil;
        return earliest > now ? earliest - now : TimeSpan.Zero;
    }

    public void Take(DateTimeOffset now) => _nextAllowed = now + interval;

    public void PauseUntil(DateTimeOffset until)
    {
        if (until > PausedUntil)
        {
            PausedUntil = until;
        }
    }
}
