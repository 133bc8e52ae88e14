using AirtableSync.Sandbox.PublicApi;

namespace AirtableSync.Sandbox.Revisions;

/// <summary>The internal endpoint's per-base limit: the same sliding window and penalty as the public API's, with its own budget.</summary>
public sealed class FakeRevisionThrottle(FakeAirtableState state)
{
    private readonly FakeRateLimiter _limiter = new(new FakeAirtableOptions
    {
        RequestsPerSecondPerBase = state.Options.RevisionRequestsPerSecondPerBase,
        RequestsPerSecondPerToken = int.MaxValue,
        RateLimitPenalty = state.Options.RateLimitPenalty,
        RateLimitWindow = state.Options.RateLimitWindow,
        SeedSampleWorkspace = false,
    });

    private long _throttled;
    private long _admitted;

    /// <summary>How many requests passed the limit (and were answered by the endpoint).</summary>
    public long Admitted => Interlocked.Read(ref _admitted);

    /// <summary>How many requests were refused as too fast.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    public bool TryAdmit(string baseId, DateTimeOffset now)
    {
        var admitted = _limiter.TryAdmit(baseId, null, now) is null;
        Interlocked.Increment(ref admitted ? ref _admitted : ref _throttled);
        return admitted;
    }
}
