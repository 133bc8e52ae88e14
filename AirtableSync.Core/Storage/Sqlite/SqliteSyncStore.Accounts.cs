using Microsoft.Data.Sqlite;

namespace AirtableSync.Storage.Sqlite;

public sealed partial class SqliteSyncStore
{
    private const string UserColumns =
        "id, user_name, normalized_user_name, display_name, role, password_hash, failed_sign_ins, locked_until, disabled, created_at, last_sign_in_at";

    private const string ApiKeyColumns = "id, name, prefix, key_hash, scope, created_by, created_at, last_used_at, revoked_at";

    public Task<UserCreation> CreateUserAsync(AppUser user, bool onlyIfNoUsers, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(user.Id, nameof(user));
        ArgumentException.ThrowIfNullOrEmpty(user.NormalizedUserName, nameof(user));
        // Checked inside the write transaction: two first-run setups racing cannot both create an admin.
        return WriteAsync(async db =>
        {
            await using var check = db.Command("SELECT count(*), sum(normalized_user_name = $name) FROM users").With("$name", user.NormalizedUserName);
            await using var reader = await check.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var (count, taken) = (reader.GetInt64(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1));
            await reader.CloseAsync();
            if (onlyIfNoUsers && count > 0)
            {
                return UserCreation.NotFirstUser;
            }
            if (taken > 0)
            {
                return UserCreation.NameTaken;
            }
            await using var insert = db.Command($"""
                INSERT INTO users ({UserColumns})
                VALUES ($id, $user, $name, $display, $role, $hash, $failed, $locked, $disabled, $created, $last)
                """);
            await BindUser(insert, user).ExecuteNonQueryAsync(cancellationToken);
            return UserCreation.Created;
        }, cancellationToken);
    }

    public Task<bool> AnyUsersAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            await using var command = db.Command("SELECT EXISTS (SELECT 1 FROM users)");
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }, cancellationToken);

    public Task<AppUser?> GetUserAsync(string userId, CancellationToken cancellationToken = default) =>
        ReadAsync(db => SingleUserAsync(db, "id = $key", userId, cancellationToken), cancellationToken);

    public Task<AppUser?> FindUserByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default) =>
        ReadAsync(db => SingleUserAsync(db, "normalized_user_name = $key", normalizedUserName, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<AppUser>> ListUsersAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<AppUser>>(async db =>
        {
            await using var command = db.Command($"SELECT {UserColumns} FROM users ORDER BY normalized_user_name");
            return await ListAsync(command, ReadUser, cancellationToken);
        }, cancellationToken);

    public Task SaveUserAsync(AppUser user, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            await using var command = db.Command("""
                UPDATE users SET user_name = $user, normalized_user_name = $name, display_name = $display, role = $role,
                    password_hash = $hash, failed_sign_ins = $failed, locked_until = $locked, disabled = $disabled,
                    created_at = $created, last_sign_in_at = $last
                WHERE id = $id
                """);
            if (await BindUser(command, user).ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw new KeyNotFoundException($"No user {user.Id}.");
            }
        }, cancellationToken);

    public Task<AppUser?> RecordFailedSignInAsync(string userId, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            await using var command = db.Command("""
                UPDATE users SET
                    locked_until = CASE WHEN failed_sign_ins + 1 >= $max THEN $until ELSE locked_until END,
                    failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $max THEN 0 ELSE failed_sign_ins + 1 END
                WHERE id = $key
                """).With("$max", maxFailures).With("$until", StoredTime.ToMilliseconds(lockUntil)).With("$key", userId);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return await SingleUserAsync(db, "id = $key", userId, cancellationToken);
        }, cancellationToken);

    public Task RecordSignInAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            await using var command = db.Command("UPDATE users SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = $at WHERE id = $id")
                .With("$at", StoredTime.ToMilliseconds(at)).With("$id", userId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task SaveApiKeyAsync(StoredApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key.Id, nameof(key));
        ArgumentException.ThrowIfNullOrEmpty(key.KeyHash, nameof(key));
        return WriteAsync(async db =>
        {
            await using var command = db.Command($"""
                INSERT INTO api_keys ({ApiKeyColumns}) VALUES ($id, $name, $prefix, $hash, $scope, $by, $created, $used, $revoked)
                """)
                .With("$id", key.Id).With("$name", key.Name).With("$prefix", key.Prefix).With("$hash", key.KeyHash)
                .With("$scope", key.Scope.ToString()).With("$by", key.CreatedBy)
                .With("$created", StoredTime.ToMilliseconds(key.CreatedAt))
                .With("$used", StoredTime.ToMilliseconds(key.LastUsedAt))
                .With("$revoked", StoredTime.ToMilliseconds(key.RevokedAt));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task<StoredApiKey?> FindApiKeyByHashAsync(string keyHash, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            await using var command = db.Command($"SELECT {ApiKeyColumns} FROM api_keys WHERE key_hash = $hash AND revoked_at IS NULL").With("$hash", keyHash);
            return (await ListAsync(command, ReadApiKey, cancellationToken)).SingleOrDefault();
        }, cancellationToken);

    public Task<IReadOnlyList<StoredApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<StoredApiKey>>(async db =>
        {
            await using var command = db.Command($"SELECT {ApiKeyColumns} FROM api_keys ORDER BY created_at DESC, id");
            return await ListAsync(command, ReadApiKey, cancellationToken);
        }, cancellationToken);

    public Task<bool> RevokeApiKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            await using var command = db.Command("UPDATE api_keys SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL")
                .With("$at", StoredTime.ToMilliseconds(at)).With("$id", keyId);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    public Task MarkApiKeyUsedAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            await using var command = db.Command("UPDATE api_keys SET last_used_at = $at WHERE id = $id")
                .With("$at", StoredTime.ToMilliseconds(at)).With("$id", keyId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private static async Task<AppUser?> SingleUserAsync(SqliteConnection db, string where, string key, CancellationToken cancellationToken)
    {
        await using var command = db.Command($"SELECT {UserColumns} FROM users WHERE {where}").With("$key", key);
        return (await ListAsync(command, ReadUser, cancellationToken)).SingleOrDefault();
    }

    private static SqliteCommand BindUser(SqliteCommand command, AppUser user) => command
        .With("$id", user.Id).With("$user", user.UserName).With("$name", user.NormalizedUserName)
        .With("$display", user.DisplayName).With("$role", user.Role.ToString()).With("$hash", user.PasswordHash)
        .With("$failed", user.FailedSignIns).With("$locked", StoredTime.ToMilliseconds(user.LockedUntil))
        .With("$disabled", user.Disabled ? 1 : 0).With("$created", StoredTime.ToMilliseconds(user.CreatedAt))
        .With("$last", StoredTime.ToMilliseconds(user.LastSignInAt));

    private static AppUser ReadUser(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        UserName = r.GetString(1),
        NormalizedUserName = r.GetString(2),
        DisplayName = r.GetString(3),
        Role = Enum.Parse<AppRole>(r.GetString(4)),
        PasswordHash = r.GetString(5),
        FailedSignIns = r.GetInt32(6),
        LockedUntil = r.GetNullableTime(7),
        Disabled = r.GetInt64(8) != 0,
        CreatedAt = r.GetTime(9),
        LastSignInAt = r.GetNullableTime(10),
    };

    private static StoredApiKey ReadApiKey(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Enum.Parse<ApiKeyScope>(r.GetString(4)), r.GetString(5),
        r.GetTime(6), r.GetNullableTime(7), r.GetNullableTime(8));
}
