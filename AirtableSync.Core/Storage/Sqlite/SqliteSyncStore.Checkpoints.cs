namespace AirtableSync.Storage.Sqlite;

public sealed partial class SqliteSyncStore
{
    public Task SaveCheckpointAsync(string scope, string key, string valueJson, DateTimeOffset updatedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(valueJson);
        return WriteAsync(async db =>
        {
            await using var command = db.Command("""
                INSERT INTO checkpoints (scope, key, value_json, updated_at) VALUES ($scope, $key, $value, $at)
                ON CONFLICT (scope, key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at;
                """).With("$scope", scope).With("$key", key).With("$value", valueJson).With("$at", StoredTime.ToMilliseconds(updatedAt));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task<string?> GetCheckpointAsync(string scope, string key, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            await using var command = db.Command("SELECT value_json FROM checkpoints WHERE scope = $scope AND key = $key")
                .With("$scope", scope).With("$key", key);
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ListCheckpointsAsync(string scope, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyDictionary<string, string>>(async db =>
        {
            await using var command = db.Command("SELECT key, value_json FROM checkpoints WHERE scope = $scope ORDER BY key").With("$scope", scope);
            var rows = await ListAsync(command, r => (Key: r.GetString(0), Value: r.GetString(1)), cancellationToken);
            return rows.ToDictionary(row => row.Key, row => row.Value, StringComparer.Ordinal);
        }, cancellationToken);

    public Task DeleteCheckpointsAsync(string scope, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            await using var command = db.Command("DELETE FROM checkpoints WHERE scope = $scope").With("$scope", scope);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            await using var command = db.Command("""
                SELECT (SELECT count(*) FROM bases WHERE is_removed = 0),
                       (SELECT count(*) FROM tables WHERE is_removed = 0),
                       (SELECT count(*) FROM records WHERE deleted = 0),
                       (SELECT count(*) FROM records WHERE deleted = 1),
                       (SELECT count(*) FROM revision_events);
                """);
            var rows = await ListAsync(command, r => new StoreStatistics(r.GetInt32(0), r.GetInt32(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)), cancellationToken);
            return rows[0];
        }, cancellationToken);
}
