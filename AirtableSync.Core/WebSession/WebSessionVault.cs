using AirtableSync.Storage;

namespace AirtableSync.WebSession;

// Keeps the captured cookie jar as a ConnectionKind.WebSession connection, encrypted.
public sealed class WebSessionVault(IConnectionStore store, WebSessionCookieProtector protector, TimeProvider timeProvider)
{
    public async Task SaveAsync(string connectionId, AirtableWebSession session, string? email, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var existing = await store.GetConnectionAsync(connectionId, cancellationToken);
        await store.SaveConnectionAsync(new StoredConnection
        {
            Id = connectionId,
            Kind = ConnectionKind.WebSession,
            Status = ConnectionStatus.Active,
            ProtectedSecret = protector.Protect(session),
            SecretHint = $"{session.Cookies.Count} cookies",
            AirtableUserId = session.AirtableUserId,
            Email = email ?? existing?.Email,
            Scopes = [],
            SecretExpiresAt = session.LatestCookieExpiry,
            ValidatedAt = session.ValidatedAt,
            StatusMessage = null,
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
        }, cancellationToken);
    }

    public async Task<StoredConnection?> FindAsync(string connectionId, CancellationToken cancellationToken) =>
        await store.GetConnectionAsync(connectionId, cancellationToken) is { Kind: ConnectionKind.WebSession } connection ? connection : null;

    public AirtableWebSession Open(StoredConnection connection) => protector.Unprotect(connection.ProtectedSecret, connection.ValidatedAt);

    public async Task RecordCheckAsync(StoredConnection connection, bool alive, string? message, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await store.SaveConnectionAsync(connection with
        {
            Status = alive ? ConnectionStatus.Active : ConnectionStatus.Expired,
            ValidatedAt = alive ? now : connection.ValidatedAt,
            StatusMessage = message,
            UpdatedAt = now,
        }, cancellationToken);
    }
}
