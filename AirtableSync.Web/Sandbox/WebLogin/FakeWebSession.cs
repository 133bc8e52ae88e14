namespace AirtableSync.Sandbox.WebLogin;

public enum FakeLoginStep { Anonymous, AwaitingEmailCode, AwaitingMfa, SignedIn }

/// <summary>One browser session of the fake's web host, keyed by the id inside the session cookie (docs/airtable/revision-history.md §5.4).</summary>
public sealed record FakeWebSession(
    string Id,
    string CsrfSecret,
    FakeLoginStep Step,
    string? UserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LoggedInAt = null,
    bool Expired = false)
{
    public bool IsSignedIn => Step == FakeLoginStep.SignedIn && UserId is not null && !Expired;
}
