using AirtableSync.Airtable;

namespace AirtableSync.Connections;

// Serves the active connection's bearer token to the API client: a PAT as stored, an OAuth access token
// refreshed ahead of expiry. Singleton: the refresher's per-connection locks must be shared by all callers.
public sealed class ConnectionTokenSource(ActiveConnectionReader connections, ConnectionSecrets secrets, OAuthTokenRefresher refresher)
    : IAirtableTokenSource
{
    public async ValueTask<AirtableAccessToken> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        var connection = await connections.GetAsync(cancellationToken);
        if (connection.Kind == ConnectionKind.PersonalAccessToken)
        {
            return new AirtableAccessToken(secrets.ReadToken(connection), RateLimitKey(connection));
        }
        var tokens = secrets.ReadTokenSet(connection);
        if (refresher.NeedsRefresh(tokens))
        {
            tokens = await refresher.EnsureFreshAsync(connection.Id, null, cancellationToken);
        }
        return new AirtableAccessToken(tokens.AccessToken, RateLimitKey(connection));
    }

    public async ValueTask<AirtableAccessToken?> RefreshAfterUnauthorizedAsync(AirtableAccessToken rejected, CancellationToken cancellationToken = default)
    {
        var connection = await connections.GetAsync(cancellationToken);
        if (connection.Kind == ConnectionKind.PersonalAccessToken)
        {
            // A PAT cannot be refreshed; only a different, newly connected one is worth a retry.
            var stored = secrets.ReadToken(connection);
            return stored == rejected.Value ? null : new AirtableAccessToken(stored, RateLimitKey(connection));
        }
        var tokens = await refresher.EnsureFreshAsync(connection.Id, rejected.Value, cancellationToken);
        return tokens.AccessToken == rejected.Value ? null : new AirtableAccessToken(tokens.AccessToken, RateLimitKey(connection));
    }

    // Keys the per-token rate limit by connection, never by the secret itself.
    private static string RateLimitKey(StoredConnection connection) => $"connection:{connection.Id}";
}
