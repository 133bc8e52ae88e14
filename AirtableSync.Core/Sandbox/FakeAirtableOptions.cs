using AirtableSync.Sandbox.OAuth;

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

    /// <summary>The OAuth server's clients, lifetimes and 409 grace window (public-api.md §1.3).</summary>
    public FakeOAuthOptions OAuth { get; set; } = new();
}
