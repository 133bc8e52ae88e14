namespace AirtableSync.Sandbox.OAuth;

// The validated authorize request, waiting for Approve or Deny.
internal sealed record FakeConsentRequest(
    string Id, FakeOAuthClient Client, Uri RedirectUri, IReadOnlyList<string> Scopes, string? State, string CodeChallenge, DateTimeOffset RequestedAt);

// Removed on first use, successful or not (docs/airtable/public-api.md §1.3).
internal sealed record FakeAuthorizationCode(string Code, FakeConsentRequest Request, string UserId);

// The live token pair of one grant. Rotation replaces it; the previous refresh token is remembered for the 409 window.
internal sealed record FakeRefreshGrant(
    string RefreshToken, string AccessToken, string ClientId, string UserId, IReadOnlyList<string> Scopes, DateTimeOffset RefreshExpiresAt);

internal sealed record FakeRotatedRefreshToken(string ClientId, DateTimeOffset RotatedAt);

/// <summary>One call of the token endpoint as the fake saw it, for tests to count refreshes and check what was sent.</summary>
public sealed record FakeTokenRequest(string? GrantType, string? ClientId, bool UsedBasicAuth, string? RefreshToken, int Status, string? Error);
