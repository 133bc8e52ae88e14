using AirtableSync.Sandbox.OAuth;

namespace AirtableSync.Sandbox;

/// <summary>
/// Knobs of the fake Airtable. Defaults follow docs/airtable/; tests shorten the penalty and latency.
/// Where the reference is unsure, the option says so and the default picks the stricter reading.
/// </summary>
public sealed class FakeAirtableOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Public API: 5 requests/s per base (docs/airtable/public-api.md §4.1).</summary>
    public int RequestsPerSecondPerBase { get; set; } = 5;

    /// <summary>Public API: 50 requests/s per token (docs/airtable/public-api.md §4.1, PAT traffic).</summary>
    public int RequestsPerSecondPerToken { get; set; } = 50;

    /// <summary>After a 429 the base answers 429 for this long (docs/airtable/public-api.md §4.1: 30 s).</summary>
    public TimeSpan RateLimitPenalty { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Added before every response, to model the network and Airtable's own latency.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Seed of the deterministic sample workspace.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>When true the fake serves the built-in sample workspace (the product's sandbox).</summary>
    public bool SeedSampleWorkspace { get; set; } = true;

    /// <summary>
    /// Name of the web session cookie (docs/airtable/revision-history.md §5.5). Airtable's is "__Host-airtable-session"; the
    /// __Host- prefix demands Secure, which Chromium accepts over http only on hosts it deems potentially
    /// trustworthy (127.0.0.1 and localhost are). Configurable in case a test host is not one of those.
    /// </summary>
    public string WebSessionCookieName { get; set; } = "__Host-airtable-session";

    /// <summary>
    /// Login pages answer untrusted browsers with a "Press and hold" bot challenge instead of the form (docs/airtable/revision-history.md
    /// §6); holding the button for <see cref="WebLoginChallengeHoldMs"/> makes the browser trusted (a _px3 cookie).
    /// </summary>
    public bool WebLoginChallenge { get; set; }

    /// <summary>How long the challenge's button must be held. The real widget's time is not documented; ~1.5 s is typical.</summary>
    public int WebLoginChallengeHoldMs { get; set; } = 1500;

    /// <summary>After the password, a "Verify it's you" e-mail code step (docs/airtable/revision-history.md §5.1); the code is <see cref="WebLoginEmailCode"/>.</summary>
    public bool WebLoginRequiresEmailCode { get; set; }

    public string WebLoginEmailCode { get; set; } = "424242";

    /// <summary>An MFA code accepted besides the current TOTP, for tests that must not race the 30-s window. Null = TOTP only.</summary>
    public string? WebLoginFixedMfaCode { get; set; }

    /// <summary>
    /// The internal revision endpoint's own per-base budget. docs/airtable/revision-history.md §7 says it behaves like the public
    /// ~5 requests/s per base [L]; whether it shares the public API's counter is unknown, so it has its own here.
    /// </summary>
    public int RevisionRequestsPerSecondPerBase { get; set; } = 5;

    /// <summary>Status of a throttled revision request: bursts get 403 on the internal API, not only 429 (§7).</summary>
    public int RevisionThrottleStatusCode { get; set; } = 403;

    /// <summary>Largest accepted <c>limit</c>; the real cap is unknown (§2.2 [U]), so larger requests are refused rather than clamped.</summary>
    public int RevisionPageLimitMax { get; set; } = 100;

    /// <summary>The web client sends 10 when it omits nothing; the fake uses it when <c>limit</c> is absent (§2.2).</summary>
    public int RevisionPageLimitDefault { get; set; } = 10;

    /// <summary>§9 says the real endpoint requires it; the fake refuses requests without a matching base id (stricter reading).</summary>
    public bool RevisionRequiresApplicationIdHeader { get; set; } = true;

    /// <summary>How an expired session is answered (§3.3 lists all three; which one depends on request style).</summary>
    public FakeExpiredSessionAnswer RevisionExpiredSessionAnswer { get; set; } = FakeExpiredSessionAnswer.Unauthorized;

    /// <summary>
    /// Records whose history is answered as MessagePack bytes (<c>application/msgpack</c>) instead of JSON, as Airtable
    /// does on some internal endpoints (docs/airtable/revision-history.md §2.3). Replace the whole set to change it while running.
    /// </summary>
    public IReadOnlySet<string> RevisionMessagePackRecordIds { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Field changes in every generated history (before edits made through the fake's workspace).</summary>
    public int RevisionChangesPerRecord { get; set; } = 12;

    /// <summary>
    /// Length of the sliding rate-limit window. A request counts when it arrives; it is admitted when fewer than the
    /// limit were admitted in the half-open interval (arrival - window, arrival]. Rejected requests are not counted.
    /// </summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// docs/airtable/public-api.md §4.1 documents the 50 rps per-user limit for PAT traffic only and leaves OAuth open (§9 open
    /// questions); the stricter reading applies it to OAuth tokens too.
    /// </summary>
    public bool PerTokenLimitAppliesToOAuth { get; set; } = true;

    /// <summary>
    /// How long a list-records iterator lives without use. Airtable documents no lifetime (docs/airtable/public-api.md §3.3:
    /// "minutes"), so this is a guess; tests shorten it or call ExpireAllIterators.
    /// </summary>
    public TimeSpan IteratorLifetime { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>List bases page size (docs/airtable/public-api.md §2.1: 1,000); tests lower it to exercise the offset.</summary>
    public int BaseListPageSize { get; set; } = 1000;

    /// <summary>Longest accepted URL, counted as https://api.airtable.com + path + query (docs/airtable/public-api.md §3.2: 16,000).</summary>
    public int MaxUrlLength { get; set; } = 16_000;

    /// <summary>
    /// LAST_MODIFIED_TIME() and lastModifiedTime fields are empty until a record's first edit (docs/airtable/public-api.md §3.6
    /// reports syncs falling back to CREATED_TIME() for that reason). False makes them start at the created time.
    /// </summary>
    public bool LastModifiedTimeEmptyUntilFirstEdit { get; set; } = true;

    /// <summary>The OAuth server's clients, lifetimes and 409 grace window (docs/airtable/public-api.md §1.3).</summary>
    public FakeOAuthOptions OAuth { get; set; } = new();
}

/// <summary>The three answers docs/airtable/revision-history.md §3.3 reports for a dead session.</summary>
public enum FakeExpiredSessionAnswer { Unauthorized, RedirectToLogin, LoginPageHtml }
