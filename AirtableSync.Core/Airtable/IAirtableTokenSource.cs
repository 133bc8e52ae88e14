namespace AirtableSync.Airtable;

// A bearer token for the public API, with a key that identifies its owner for the per-token rate limit without exposing the secret.
public sealed record AirtableAccessToken(string Value, string RateLimitKey)
{
    public override string ToString() => $"AirtableAccessToken({RateLimitKey})";
}

/// <summary>
/// Supplies bearer tokens to <c>AirtableApiClient</c>. A personal access token is fixed; an OAuth
/// connection refreshes ahead of expiry and rotates its refresh token (docs/airtable/public-api.md §1.3).
/// </summary>
public interface IAirtableTokenSource
{
    /// <summary>The token to use now. Throws an authentication exception when there is no usable connection.</summary>
    ValueTask<AirtableAccessToken> GetAccessTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Called once when the API answered 401 to <paramref name="rejected"/>. Returns a fresh token to retry
    /// with (OAuth: after one refresh), or null when nothing better exists (the call then fails as an
    /// authentication error).
    /// </summary>
    ValueTask<AirtableAccessToken?> RefreshAfterUnauthorizedAsync(AirtableAccessToken rejected, CancellationToken cancellationToken = default);
}
