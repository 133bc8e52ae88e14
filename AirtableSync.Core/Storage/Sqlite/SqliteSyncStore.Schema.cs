using Microsoft.Data.Sqlite;

namespace AirtableSync.Storage.Sqlite;

public sealed partial class SqliteSyncStore
{
    private const string BaseColumns = "id, name, permission_level, is_removed, first_seen_at, last_seen_at, last_synced_at";
    private const string TableColumns = "base_id, id, name, primary_field_id, description, fields_json, views_json, is_removed, updated_at";

    public Task ApplyBaseListAsync(IReadOnlyList<BaseInfo> bases, DateTimeOffset seenAt, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            var seen = StoredTime.ToMilliseconds(seenAt);
            await using var upsert = db.Command("""
                INSERT INTO bases (id, name, permission_level, is_removed, first_seen_at, last_seen_at)
                VALUES ($id, $name, $permission, 0, $seen, $seen)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, permission_level = excluded.permission_level,
                    is_removed = 0, last_seen_at = excluded.last_seen_at;
                """).With("$id", "").With("$name", "").With("$permission", "").With("$seen", seen);
            foreach (var info in bases)
            {
                upsert.Parameters["$id"].Value = info.Id;
                upsert.Parameters["$name"].Value = info.Name;
                upsert.Parameters["$permission"].Value = info.PermissionLevel;
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var remove = db.Command("""
                UPDATE bases SET is_removed = 1 WHERE is_removed = 0 AND id NOT IN (SELECT value FROM json_each($ids));
                """).With("$ids", StorageJson.Serialize(bases.Select(b => b.Id)));
            await remove.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task ApplyBaseSchemaAsync(string baseId, IReadOnlyList<TableSchema> tables, DateTimeOffset syncedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseId);
        return WriteAsync(async db =>
        {
            var previous = (await QueryTablesAsync(db, baseId, null, cancellationToken)).ToDictionary(t => t.Id, StringComparer.Ordinal);
            var at = StoredTime.ToMilliseconds(syncedAt);
            await using var upsert = db.Command($"""
                INSERT INTO tables (position, {TableColumns}) VALUES ($position, $base, $id, $name, $primary, $description, $fields, $views, 0, $at)
                ON CONFLICT (base_id, id) DO UPDATE SET position = excluded.position, name = excluded.name,
                    primary_field_id = excluded.primary_field_id, description = excluded.description, fields_json = excluded.fields_json,
                    views_json = excluded.views_json, is_removed = 0, updated_at = excluded.updated_at;
                """);
            for (var i = 0; i < tables.Count; i++)
            {
                var table = tables[i];
                var fields = FieldListMerge.Merge(table.Fields, previous.GetValueOrDefault(table.Id)?.Fields);
                upsert.Parameters.Clear();
                upsert.With("$position", i).With("$base", baseId).With("$id", table.Id).With("$name", table.Name)
                    .With("$primary", table.PrimaryFieldId).With("$description", table.Description)
                    .With("$fields", StorageJson.Serialize(fields)).With("$views", StorageJson.Serialize(table.Views)).With("$at", at);
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var remove = db.Command("""
                UPDATE tables SET is_removed = 1, updated_at = $at
                WHERE base_id = $base AND is_removed = 0 AND id NOT IN (SELECT value FROM json_each($ids));
                """).With("$at", at).With("$base", baseId).With("$ids", StorageJson.Serialize(tables.Select(t => t.Id)));
            await remove.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task MarkBaseSyncedAsync(string baseId, DateTimeOffset syncedAt, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            await using var command = db.Command("UPDATE bases SET last_synced_at = $at WHERE id = $id")
                .With("$at", StoredTime.ToMilliseconds(syncedAt)).With("$id", baseId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<StoredBase>> ListBasesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<StoredBase>>(async db =>
        {
            await using var command = db.Command($"SELECT {BaseColumns} FROM bases ORDER BY is_removed, name, id");
            return await ListAsync(command, ReadBase, cancellationToken);
        }, cancellationToken);

    public Task<StoredBase?> GetBaseAsync(string baseId, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            await using var command = db.Command($"SELECT {BaseColumns} FROM bases WHERE id = $id").With("$id", baseId);
            return (await ListAsync(command, ReadBase, cancellationToken)).SingleOrDefault();
        }, cancellationToken);

    public Task<IReadOnlyList<StoredTable>> ListTablesAsync(string baseId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<StoredTable>>(async db => await QueryTablesAsync(db, baseId, null, cancellationToken), cancellationToken);

    public Task<StoredTable?> GetTableAsync(string baseId, string tableId, CancellationToken cancellationToken = default) =>
        ReadAsync(async db => (await QueryTablesAsync(db, baseId, tableId, cancellationToken)).SingleOrDefault(), cancellationToken);

    private static async Task<List<StoredTable>> QueryTablesAsync(SqliteConnection db, string baseId, string? tableId, CancellationToken cancellationToken)
    {
        await using var command = db.Command($"""
            SELECT {TableColumns} FROM tables WHERE base_id = $base AND ($id IS NULL OR id = $id) ORDER BY is_removed, position, id
            """).With("$base", baseId).With("$id", tableId);
        return await ListAsync(command, ReadTable, cancellationToken);
    }

    private static StoredBase ReadBase(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), r.GetTime(4), r.GetTime(5), r.GetNullableTime(6));

    private static StoredTable ReadTable(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetNullableString(4),
        StorageJson.Deserialize<List<FieldSchema>>(r.GetString(5)), StorageJson.Deserialize<List<ViewSchema>>(r.GetString(6)),
        r.GetBoolean(7), r.GetTime(8));
}
