namespace AirtableSync.Sandbox;

/// <summary>
/// Knobs of the fake Airtable. Defaults follow shared/airtable/*.md; tests shorten the penalty and latency.
/// Where the reference is unsure, the option says so and the default picks the stricter reading.
/// </summary>
public sealed class FakeAirtableOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Public API: 5 requests/s per base (public-api.md §4.1).</summary>
    public int RequestsPerSecondPerBase { get; set; } = 5;

    /// <summary>Public API: 50 requests/s per token (public-api.md §4.1, PAT traffic).</summary>
    public int RequestsPerSecondPerToken { get; set; } = 50;

    /// <summary>After a 429 the base answers 429 for this long (public-api.md §4.1: 30 s).</summary>
    public TimeSpan RateLimitPenalty { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Added before every response, to model the network and Airtable's own latency.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Seed of the deterministic sample workspace.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>When true the fake serves the built-in sample workspace (the product's sandbox).</summary>
    public bool SeedSampleWorkspace { get; set; } = true;

    /// <summary>
    /// Length of the sliding rate-limit window. A request counts when it arrives; it is admitted when fewer than the
    /// limit were admitted in the half-open interval (arrival - window, arrival]. Rejected requests are not counted.
    /// </summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// public-api.md §4.1 documents the 50 rps per-user limit for PAT traffic only and leaves OAuth open (§9 open
    /// questions); the stricter reading applies it to OAuth tokens too.
    /// </summary>
    public bool PerTokenLimitAppliesToOAuth { get; set; } = true;

    /// <summary>
    /// How long a list-records iterator lives without use. Airtable documents no lifetime (public-api.md §3.3:
    /// "minutes"), so this is a guess; tests shorten it or call ExpireAllIterators.
    /// </summary>
    public TimeSpan IteratorLifetime { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>List bases page size (public-api.md §2.1: 1,000); tests lower it to exercise the offset.</summary>
    public int BaseListPageSize { get; set; } = 1000;

    /// <summary>Longest accepted URL, counted as https://api.airtable.com + path + query (public-api.md §3.2: 16,000).</summary>
    public int MaxUrlLength { get; set; } = 16_000;

    /// <summary>
    /// LAST_MODIFIED_TIME() and lastModifiedTime fields are empty until a record's first edit (public-api.md §3.6
    /// reports syncs falling back to CREATED_TIME() for that reason). False makes them start at the created time.
    /// </summary>
    public bool LastModifiedTimeEmptyUntilFirstEdit { get; set; } = true;
}
