using Microsoft.Data.Sqlite;

namespace AirtableSync.Storage.Sqlite;

public sealed partial class SqliteSyncStore
{
    private const string ConnectionColumns =
        "id, kind, status, protected_secret, secret_hint, airtable_user_id, email, scopes_json, secret_expires_at, validated_at, status_message, created_at, updated_at";

    public Task SaveConnectionAsync(StoredConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connection.Id, nameof(connection));
        return WriteAsync(async db =>
        {
            await using var command = db.Command($"""
                INSERT INTO connections ({ConnectionColumns})
                VALUES ($id, $kind, $status, $secret, $hint, $user, $email, $scopes, $expires, $validated, $message, $created, $updated)
                ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, status = excluded.status,
                    protected_secret = excluded.protected_secret, secret_hint = excluded.secret_hint,
                    airtable_user_id = excluded.airtable_user_id, email = excluded.email, scopes_json = excluded.scopes_json,
                    secret_expires_at = excluded.secret_expires_at, validated_at = excluded.validated_at,
                    status_message = excluded.status_message, created_at = excluded.created_at, updated_at = excluded.updated_at;
                """)
                .With("$id", connection.Id).With("$kind", connection.Kind.ToString()).With("$status", connection.Status.ToString())
                .With("$secret", connection.ProtectedSecret).With("$hint", connection.SecretHint)
                .With("$user", connection.AirtableUserId).With("$email", connection.Email)
                .With("$scopes", StorageJson.Serialize(connection.Scopes))
                .With("$expires", StoredTime.ToMilliseconds(connection.SecretExpiresAt))
                .With("$validated", StoredTime.ToMilliseconds(connection.ValidatedAt))
                .With("$message", connection.StatusMessage)
                .With("$created", StoredTime.ToMilliseconds(connection.CreatedAt))
                .With("$updated", StoredTime.ToMilliseconds(connection.UpdatedAt));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task<StoredConnection?> GetConnectionAsync(string connectionId, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            await using var command = db.Command($"SELECT {ConnectionColumns} FROM connections WHERE id = $id").With("$id", connectionId);
            return (await ListAsync(command, ReadConnection, cancellationToken)).SingleOrDefault();
        }, cancellationToken);

    public Task<IReadOnlyList<StoredConnection>> ListConnectionsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<StoredConnection>>(async db =>
        {
            await using var command = db.Command($"SELECT {ConnectionColumns} FROM connections ORDER BY created_at, id");
            return await ListAsync(command, ReadConnection, cancellationToken);
        }, cancellationToken);

    public Task DeleteConnectionAsync(string connectionId, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            await using var command = db.Command("DELETE FROM connections WHERE id = $id").With("$id", connectionId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private static StoredConnection ReadConnection(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Kind = Enum.Parse<ConnectionKind>(r.GetString(1)),
        Status = Enum.Parse<ConnectionStatus>(r.GetString(2)),
        ProtectedSecret = r.GetString(3),
        SecretHint = r.GetNullableString(4),
        AirtableUserId = r.GetNullableString(5),
        Email = r.GetNullableString(6),
        Scopes = StorageJson.Deserialize<List<string>>(r.GetString(7)),
        SecretExpiresAt = r.GetNullableTime(8),
        ValidatedAt = r.GetNullableTime(9),
        StatusMessage = r.GetNullableString(10),
        CreatedAt = r.GetTime(11),
        UpdatedAt = r.GetTime(12),
    };
}
