using AirtableSync.Airtable;
using Microsoft.Extensions.Options;

namespace AirtableSync.Revisions;

/// <summary>Per-base pacing of the internal revision endpoint, process-wide, on the injected clock.</summary>
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
                    // A little margin over the second keeps the rate strictly under N in any sliding window.
                    // No lateness forgiven: the internal endpoint answers bursts with 403 (revision-history.md §7), so stay strict.
                    spacing = new RequestSpacing(TimeSpan.FromSeconds(1.025) / options.Value.RequestsPerSecondPerBase, TimeSpan.Zero);
                    _bases[baseId] = spacing;
                }
                wait = spacing.WaitTime(now);
                if (wait == TimeSpan.Zero)
                {
                    spacing.Take(now);
                    return;
                }
            }
            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }
}
