namespace AirtableSync.Storage.Sqlite;

public sealed partial class SqliteSyncStore
{
    public Task<UserPreferences?> GetUserPreferencesAsync(string userKey, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            await using var command = db.Command("SELECT preferences_json FROM user_preferences WHERE user_key = $key").With("$key", userKey);
            return await command.ExecuteScalarAsync(cancellationToken) is string json ? StorageJson.Deserialize<UserPreferences>(json) : null;
        }, cancellationToken);

    public Task SaveUserPreferencesAsync(string userKey, UserPreferences preferences, DateTimeOffset updatedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        ArgumentNullException.ThrowIfNull(preferences);
        return WriteAsync(async db =>
        {
            await using var command = db.Command("""
                INSERT INTO user_preferences (user_key, preferences_json, updated_at) VALUES ($key, $json, $at)
                ON CONFLICT (user_key) DO UPDATE SET preferences_json = excluded.preferences_json, updated_at = excluded.updated_at;
                """).With("$key", userKey).With("$json", StorageJson.Serialize(preferences)).With("$at", StoredTime.ToMilliseconds(updatedAt));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }
}
