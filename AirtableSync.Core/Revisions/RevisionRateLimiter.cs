using AirtableSync.Airtable;
using Microsoft.Extensions.Options;

namespace AirtableSync.Revisions;

// Per-base pacing of the internal revision endpoint, process-wide, on the injected clock.
public sealed class RevisionRateLimiter(IOptions<RevisionOptions> options, TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RequestSpacing> _bases = new(StringComparer.Ordinal);

    public async ValueTask AcquireAsync(string baseId, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = timeProvider.GetUtcNow();
                if (!_bases.TryGetValue(baseId, out var spacing))
                {
                    // A little margin over the second keeps the rate strictly under N in any sliding window;
                    // a third of it forgives wake-up lateness (see RequestSpacing).
                    var margin = TimeSpan.FromMilliseconds(25);
                    spacing = new RequestSpacing((TimeSpan.FromSeconds(1) + margin) / options.Value.RequestsPerSecondPerBase, margin / 3);
                    _bases[baseId] = spacing;
                }
                wait = spacing.WaitTime(now);
                if (wait == TimeSpan.Zero)
                {
                    spacing.Take(now);
                    return;
                }
            }
            // Task.Delay truncates to whole milliseconds, so a wait under 1 ms would return at once and spin
            // until the clock moved: round up instead.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), timeProvider, cancellationToken);
        }
    }
}
