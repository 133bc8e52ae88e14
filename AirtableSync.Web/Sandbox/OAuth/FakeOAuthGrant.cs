namespace AirtableSync.Sandbox.OAuth;

/// <summary>A consent screen waiting for Approve or Deny: the validated authorize request.</summary>
internal sealed record FakeConsentRequest(
    string Id, FakeOAuthClient Client, Uri RedirectUri, IReadOnlyList<string> Scopes, string? State, string CodeChallenge, DateTimeOffset RequestedAt);

/// <summary>An issued authorization code; removed on first use, successful or not (docs/airtable/public-api.md §1.3).</summary>
internal sealed record FakeAuthorizationCode(string Code, FakeConsentRequest Request, string UserId);

/// <summary>The live token pair of one grant. Rotation replaces it; the previous refresh token is remembered for the 409 window.</summary>
internal sealed record FakeRefreshGrant(
    string RefreshToken, string AccessToken, string ClientId, string UserId, IReadOnlyList<string> Scopes, DateTimeOffset RefreshExpiresAt);

internal sealed record FakeRotatedRefreshToken(string ClientId, DateTimeOffset RotatedAt);

/// <summary>One call of the token endpoint as the fake saw it, for tests to count refreshes and check what was sent.</summary>
public sealed record FakeTokenRequest(string? GrantType, string? ClientId, bool UsedBasicAuth, string? RefreshToken, int Status, string? Error);
