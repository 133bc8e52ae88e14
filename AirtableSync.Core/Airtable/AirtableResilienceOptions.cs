using System.ComponentModel.DataAnnotations;

namespace AirtableSync.Airtable;

/// <summary>
/// How the client paces and retries. Bound from the same "Airtable" section as <see cref="AirtableOptions"/>:
/// "Airtable": { "RateLimitPenalty": "00:00:30", "RateLimitPenaltyJitter": "00:00:03", "RateLimitWindowMargin": "00:00:00.030",
///               "MaxRateLimitRetries": 5, "MaxTransientRetries": 4, "TransientRetryBaseDelay": "00:00:01",
///               "TransientRetryMaxDelay": "00:01:00", "AttemptTimeout": "00:02:00", "MaxIteratorRestarts": 3 }
/// </summary>
public sealed class AirtableResilienceOptions
{
    /// <summary>After 429 RATE_LIMIT_REACHED Airtable refuses the base for 30 s (docs/airtable/public-api.md §4.1); we pause it at least this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RateLimitPenalty { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Random extra pause (0..this) so that several paused bases/processes do not come back in lockstep.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RateLimitPenaltyJitter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The limiter spaces requests (1 s + this margin) / N apart, so N+1 requests never fit in any 1-second window
    /// even when one request is delayed a little more than the next (a third of it forgives wake-up lateness,
    /// see RequestSpacing). 30 ms keeps 5/s at ~4.85/s.
    /// Airtable does not document how it counts its window (docs/airtable/public-api.md §4.1), hence configurable.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan RateLimitWindowMargin { get; set; } = TimeSpan.FromMilliseconds(30);

    /// <summary>How many 30-second penalties one request sits out before failing as rate limited.</summary>
    [Range(0, 100)]
    public int MaxRateLimitRetries { get; set; } = 5;

    /// <summary>Retries of 500/502/503/504, network errors and attempt time-outs (docs/airtable/public-api.md §4.3: safe to retry for reads).</summary>
    [Range(0, 20)]
    public int MaxTransientRetries { get; set; } = 4;

    /// <summary>First back-off of the exponential, jittered transient retry; a Retry-After header takes precedence.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan TransientRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan TransientRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>One HTTP attempt (not counting rate-limit waits). airtable.js allows 5 min; 2 min is plenty for a 100-record page.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Restarts of one record scan after 422 LIST_RECORDS_ITERATOR_NOT_AVAILABLE (docs/airtable/public-api.md §3.3).</summary>
    [Range(0, 100)]
    public int MaxIteratorRestarts { get; set; } = 3;
}
