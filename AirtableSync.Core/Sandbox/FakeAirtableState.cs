using AirtableSync.Sandbox.OAuth;

namespace AirtableSync.Sandbox;

/// <summary>Everything the fake knows and every control tests use to steer it. One instance per server.</summary>
public sealed class FakeAirtableState
{
    public FakeAirtableState(FakeAirtableOptions options, TimeProvider timeProvider)
    {
        Options = options;
        TimeProvider = timeProvider;
        Users = new FakeUserDirectory();
        Tokens = new FakeAccessTokens(timeProvider);
        OAuth = new FakeOAuthAuthority(options.OAuth, Tokens, timeProvider);
    }

    public FakeAirtableOptions Options { get; }
    public TimeProvider TimeProvider { get; }
    public FakeUserDirectory Users { get; }
    public FakeAccessTokens Tokens { get; }
    public FakeOAuthAuthority OAuth { get; }
}
