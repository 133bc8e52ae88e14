using AirtableSync.Airtable;
using AirtableSync.Storage;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Connections;

// Creates connections: a personal access token, or the tokens of a completed OAuth authorization. Every
// credential is validated with whoami BEFORE anything is saved, so a wrong token leaves no trace.
public sealed class AirtableConnector(
    IConnectionStore store,
    ConnectionSecrets secrets,
    AirtableIdentityProbe identityProbe,
    OAuthTokenClient tokenClient,
    TimeProvider timeProvider,
    ILogger<AirtableConnector> logger)
{
    /// <summary>Surrounding whitespace (a pasted line end) is trimmed; what is left must pass <see cref="TokenFormat"/>.</summary>
    /// <exception cref="ArgumentException">The token is empty or cannot travel in a header (<see cref="TokenFormat"/>); Airtable was not asked.</exception>
    /// <exception cref="AirtableAuthenticationException">Airtable rejected the token; nothing was saved.</exception>
    public async Task<ConnectionSummary> ConnectPersonalAccessTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        token = token?.Trim() ?? "";
        if (TokenFormat.Problem(token) is { } problem)
        {
            throw new ArgumentException(problem, nameof(token));
        }
        AirtableIdentity identity;
        try
        {
            identity = await identityProbe.WhoAmIAsync(token, cancellationToken);
        }
        catch (AirtableAuthenticationException ex)
        {
            throw new AirtableAuthenticationException("Airtable did not accept this personal access token (wrong, revoked or expired). Nothing was saved.", ex);
        }
        var now = timeProvider.GetUtcNow();
        var id = $"pat-{identity.UserId}";
        var existing = await store.GetConnectionAsync(id, cancellationToken);
        var connection = new StoredConnection
        {
            Id = id,
            Kind = ConnectionKind.PersonalAccessToken,
            Status = ConnectionStatus.Active,
            ProtectedSecret = secrets.ProtectToken(token),
            SecretHint = token[^Math.Min(4, token.Length)..],
            AirtableUserId = identity.UserId,
            Email = identity.Email,
            Scopes = identity.Scopes,
            SecretExpiresAt = null,
            ValidatedAt = now,
            StatusMessage = null,
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
        };
        await store.SaveConnectionAsync(connection, cancellationToken);
        logger.LogInformation("Connected Airtable user {UserId} with a personal access token ending in {Hint}", identity.UserId, connection.SecretHint);
        return ConnectionSummary.From(connection);
    }

    /// <summary>Exchanges the code of a validated callback, learns who granted it, and stores the encrypted tokens.</summary>
    /// <exception cref="OAuthTokenEndpointException">The exchange failed (e.g. invalid_grant: code reused or expired).</exception>
    public async Task<ConnectionSummary> CompleteOAuthAsync(string code, PendingAuthorization pending, CancellationToken cancellationToken = default)
    {
        var tokens = await tokenClient.ExchangeCodeAsync(code, pending.CodeVerifier, pending.RedirectUri, cancellationToken);
        var identity = await identityProbe.WhoAmIAsync(tokens.AccessToken, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var id = $"oauth-{identity.UserId}";
        var existing = await store.GetConnectionAsync(id, cancellationToken);
        var connection = new StoredConnection
        {
            Id = id,
            Kind = ConnectionKind.OAuth,
            Status = ConnectionStatus.Active,
            ProtectedSecret = secrets.ProtectTokenSet(tokens),
            SecretHint = null,
            AirtableUserId = identity.UserId,
            Email = identity.Email,
            Scopes = identity.Scopes.Count > 0 ? identity.Scopes : tokens.Scopes,
            SecretExpiresAt = tokens.RefreshTokenExpiresAt,
            ValidatedAt = now,
            StatusMessage = null,
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
        };
        await store.SaveConnectionAsync(connection, cancellationToken);
        logger.LogInformation("Connected Airtable user {UserId} with OAuth (scopes {Scopes})", identity.UserId, string.Join(' ', connection.Scopes));
        return ConnectionSummary.From(connection);
    }

    public async Task<IReadOnlyList<ConnectionSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await store.ListConnectionsAsync(cancellationToken)).Select(ConnectionSummary.From)];

    public Task DisconnectAsync(string connectionId, CancellationToken cancellationToken = default) =>
        store.DeleteConnectionAsync(connectionId, cancellationToken);
}
