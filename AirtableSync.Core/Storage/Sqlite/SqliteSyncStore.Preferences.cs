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

    public Task<GridLayout?> GetGridLayoutAsync(string userKey, string baseId, string tableId, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            await using var command = db.Command("SELECT layout_json FROM grid_layouts WHERE user_key = $key AND base_id = $base AND table_id = $table")
                .With("$key", userKey).With("$base", baseId).With("$table", tableId);
            return await command.ExecuteScalarAsync(cancellationToken) is string json ? StorageJson.Deserialize<GridLayout>(json) : null;
        }, cancellationToken);

    public Task SaveGridLayoutAsync(string userKey, string baseId, string tableId, GridLayout? layout, DateTimeOffset updatedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        ArgumentException.ThrowIfNullOrEmpty(baseId);
        ArgumentException.ThrowIfNullOrEmpty(tableId);
        return WriteAsync(async db =>
        {
            await using var command = layout is null
                ? db.Command("DELETE FROM grid_layouts WHERE user_key = $key AND base_id = $base AND table_id = $table")
                : db.Command("""
                    INSERT INTO grid_layouts (user_key, base_id, table_id, layout_json, updated_at) VALUES ($key, $base, $table, $json, $at)
                    ON CONFLICT (user_key, base_id, table_id) DO UPDATE SET layout_json = excluded.layout_json, updated_at = excluded.updated_at;
                    """).With("$json", StorageJson.Serialize(layout)).With("$at", StoredTime.ToMilliseconds(updatedAt));
            command.With("$key", userKey).With("$base", baseId).With("$table", tableId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }
}
