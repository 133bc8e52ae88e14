using AirtableSync.Sandbox.OAuth;
using AirtableSync.Sandbox.PublicApi;

namespace AirtableSync.Sandbox;

/// <summary>Everything the fake knows and every control tests use to steer it. One instance per server.</summary>
public sealed class FakeAirtableState
{
    private volatile bool _billingLimitExceeded;

    public FakeAirtableState(FakeAirtableOptions options, TimeProvider timeProvider)
    {
        Options = options;
        TimeProvider = timeProvider;
        Users = new FakeUserDirectory();
        Tokens = new FakeAccessTokens(timeProvider);
        WebSessions = new WebLogin.FakeWebSessions(options, timeProvider);
        BotChallenge = new WebLogin.FakeBotChallenge(options);
        OAuth = new FakeOAuthAuthority(options.OAuth, Tokens, timeProvider);
        Workspace = new FakeWorkspace(timeProvider, options.Seed);
        RateLimiter = new FakeRateLimiter(options);
        Iterators = new FakeRecordIterators(options, timeProvider);
        Faults = new FakeFaultQueue();
        RequestLog = new FakeRequestLog();
        RevisionHistories = new Revisions.FakeRevisionHistories(this);
        RevisionThrottle = new Revisions.FakeRevisionThrottle(this);
        if (options.SeedSampleWorkspace)
        {
            FakeSandboxSeeder.Seed(this);
        }
    }

    public FakeAirtableOptions Options { get; }
    public TimeProvider TimeProvider { get; }
    public FakeUserDirectory Users { get; }
    public FakeAccessTokens Tokens { get; }
    public WebLogin.FakeWebSessions WebSessions { get; }

    /// <summary>The login's "Press &amp; Hold" check and the browsers that passed it.</summary>
    public WebLogin.FakeBotChallenge BotChallenge { get; }

    /// <summary>Each record's generated revision history, served by the internal endpoint.</summary>
    public Revisions.FakeRevisionHistories RevisionHistories { get; }

    /// <summary>The internal endpoint's own per-base limit (403 bursts, docs/airtable/revision-history.md §7).</summary>
    public Revisions.FakeRevisionThrottle RevisionThrottle { get; }

    public FakeOAuthAuthority OAuth { get; }

    /// <summary>Bases, tables, fields, records and per-token base grants served by /v0.</summary>
    public FakeWorkspace Workspace { get; }

    public FakeRateLimiter RateLimiter { get; }

    /// <summary>List-records iterators; <see cref="FakeRecordIterators.ExpireAll"/> simulates their timeout.</summary>
    public FakeRecordIterators Iterators { get; }

    /// <summary>Injected 5xx answers and dropped connections for the public API.</summary>
    public FakeFaultQueue Faults { get; }

    /// <summary>Every public-API request with its arrival time and status.</summary>
    public FakeRequestLog RequestLog { get; }

    /// <summary>
    /// The workspace's monthly quota is spent: data endpoints answer 429 PUBLIC_API_BILLING_LIMIT_EXCEEDED while
    /// /v0/meta/* keep working (docs/airtable/public-api.md §4.2).
    /// </summary>
    public bool BillingLimitExceeded
    {
        get => _billingLimitExceeded;
        set => _billingLimitExceeded = value;
    }
}
