namespace AirtableSync.Connections;

// What the token endpoint returned (docs/airtable/public-api.md §1.3). Both tokens are opaque, variable-length secrets;
// ToString hides them so that a stray log line cannot leak them.
public sealed record OAuthTokenSet(
    string AccessToken,
    string RefreshToken,
    DateTimeOffset AccessTokenExpiresAt,
    DateTimeOffset? RefreshTokenExpiresAt,
    IReadOnlyList<string> Scopes)
{
    public override string ToString() => $"OAuthTokenSet(expires={AccessTokenExpiresAt:O}, scopes={string.Join(' ', Scopes)})";
}
