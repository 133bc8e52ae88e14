using AirtableSync.Airtable;
using System.Collections.Concurrent;
using AirtableSync.Storage;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Connections;

// Refreshes an OAuth connection's tokens (docs/airtable/public-api.md §1.3). Refresh tokens are single-use and every refresh
// rotates both tokens, so: one refresh per connection at a time (callers queue on a per-connection lock and
// then find the fresh tokens already stored), the new pair is saved BEFORE the new access token is handed out,
// a 409 means someone else refreshed (re-read the store), and invalid_grant means only a person can help.
public sealed class OAuthTokenRefresher(
    IConnectionStore store,
    ActiveConnectionReader connections,
    ConnectionSecrets secrets,
    OAuthTokenClient tokenClient,
    TimeProvider timeProvider,
    ILogger<OAuthTokenRefresher> logger)
{
    // Access tokens live 60 minutes; refreshing 5 minutes early keeps long requests from expiring mid-flight.
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);

    // After a 409 the other refresher may not have saved yet: re-read the store this often, one second apart.
    private const int ConflictReloads = 5;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public bool NeedsRefresh(OAuthTokenSet tokens) => tokens.AccessTokenExpiresAt - timeProvider.GetUtcNow() <= RefreshAhead;

    // Returns usable tokens for the connection, refreshing when they are about to expire or when
    // rejectedAccessToken is still the stored one (Airtable answered 401 to it).
    public async Task<OAuthTokenSet> EnsureFreshAsync(string connectionId, string? rejectedAccessToken, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(connectionId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Re-read under the lock: whoever held it before us has probably refreshed already.
            var connection = await connections.GetByIdAsync(connectionId, cancellationToken);
            var current = secrets.ReadTokenSet(connection);
            var rejected = rejectedAccessToken is not null && current.AccessToken == rejectedAccessToken;
            if (!rejected && !NeedsRefresh(current))
            {
                return current;
            }
            return await RefreshAsync(connection, current, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<OAuthTokenSet> RefreshAsync(StoredConnection connection, OAuthTokenSet current, CancellationToken cancellationToken)
    {
        OAuthTokenSet refreshed;
        try
        {
            refreshed = await tokenClient.RefreshAsync(current.RefreshToken, cancellationToken);
        }
        catch (OAuthTokenEndpointException ex) when (ex.IsRecentlyRefreshed)
        {
            logger.LogInformation("Airtable answered 409 to the refresh of connection {ConnectionId}: another instance refreshed; reading its tokens", connection.Id);
            return await WaitForOtherRefreshAsync(connection.Id, current.RefreshToken, cancellationToken);
        }
        catch (OAuthTokenEndpointException ex) when (ex.IsInvalidGrant)
        {
            var message = "Airtable no longer accepts this connection's refresh token (expired, revoked or already used). Connect Airtable again.";
            logger.LogWarning("Refresh of connection {ConnectionId} failed with invalid_grant; it needs re-authorization", connection.Id);
            await store.SaveConnectionAsync(
                connection with { Status = ConnectionStatus.NeedsReauthorization, StatusMessage = message, UpdatedAt = timeProvider.GetUtcNow() },
                cancellationToken);
            throw new AirtableAuthenticationException(message, ex);
        }

        // Persist first: the old refresh token is dead now, and losing the new one would lose the grant.
        var now = timeProvider.GetUtcNow();
        await store.SaveConnectionAsync(
            connection with
            {
                ProtectedSecret = secrets.ProtectTokenSet(refreshed),
                SecretExpiresAt = refreshed.RefreshTokenExpiresAt,
                Scopes = refreshed.Scopes.Count > 0 ? refreshed.Scopes : connection.Scopes,
                StatusMessage = null,
                UpdatedAt = now,
            },
            CancellationToken.None);
        logger.LogInformation("Refreshed connection {ConnectionId}; access token valid until {ExpiresAt:O}", connection.Id, refreshed.AccessTokenExpiresAt);
        return refreshed;
    }

    private async Task<OAuthTokenSet> WaitForOtherRefreshAsync(string connectionId, string sentRefreshToken, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = secrets.ReadTokenSet(await connections.GetByIdAsync(connectionId, cancellationToken));
            if (stored.RefreshToken != sentRefreshToken)
            {
                return stored;
            }
            if (attempt == ConflictReloads)
            {
                throw new OAuthTokenEndpointException(System.Net.HttpStatusCode.Conflict, "recently_refreshed",
                    "Another refresh is in progress elsewhere and its tokens have not been stored yet; try again shortly.");
            }
            await Task.Delay(TimeSpan.FromSeconds(1), timeProvider, cancellationToken);
        }
    }
}
