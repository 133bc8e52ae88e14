using Microsoft.Data.Sqlite;

namespace AirtableSync.Storage.Sqlite;

public sealed partial class SqliteSyncStore
{
    public Task<UpsertOutcome> UpsertRecordsAsync(string baseId, string tableId, IReadOnlyList<RecordData> records, DateTimeOffset seenAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseId);
        ArgumentException.ThrowIfNullOrEmpty(tableId);
        if (records.Count == 0)
        {
            return Task.FromResult(new UpsertOutcome(0, 0, 0));
        }
        // Hashing happens before the write lock. Cells are validated while writing (RecordContent.SearchText),
        // inside the transaction, so a bad record rolls the whole page back.
        var contents = RecordContent.AnalyzeBatch(records);
        return WriteAsync(async db =>
        {
            var seen = StoredTime.ToMilliseconds(seenAt);
            var existing = await ReadStoredHashesAsync(db, records.Select(r => r.Id), cancellationToken);
            var unchanged = new List<string>();
            var changed = new List<RecordContent>();
            var inserted = new List<RecordContent>();
            foreach (var content in contents)
            {
                if (!existing.TryGetValue(content.Record.Id, out var stored))
                {
                    inserted.Add(content);
                }
                else if (stored.Hash == content.Hash && !stored.Deleted)
                {
                    unchanged.Add(content.Record.Id);
                }
                else
                {
                    changed.Add(content); // new cells, or a tombstone coming back
                }
            }
            await InsertRecordsAsync(db, baseId, tableId, inserted, seen, cancellationToken);
            await UpdateRecordsAsync(db, baseId, tableId, changed, seen, cancellationToken);
            if (unchanged.Count > 0)
            {
                await using var touch = db.Command("UPDATE records SET last_seen_at = $seen WHERE id IN (SELECT value FROM json_each($ids))")
                    .With("$seen", seen).With("$ids", StorageJson.Serialize(unchanged));
                await touch.ExecuteNonQueryAsync(cancellationToken);
            }
            return new UpsertOutcome(inserted.Count, changed.Count, unchanged.Count);
        }, cancellationToken);
    }

    private static async Task<Dictionary<string, (long Hash, bool Deleted)>> ReadStoredHashesAsync(SqliteConnection db, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        await using var command = db.Command("SELECT id, content_hash, deleted FROM records WHERE id IN (SELECT value FROM json_each($ids))")
            .With("$ids", StorageJson.Serialize(ids));
        var rows = await ListAsync(command, r => (Id: r.GetString(0), Hash: r.GetInt64(1), Deleted: r.GetBoolean(2)), cancellationToken);
        return rows.ToDictionary(row => row.Id, row => (row.Hash, row.Deleted), StringComparer.Ordinal);
    }

    private static async Task InsertRecordsAsync(SqliteConnection db, string baseId, string tableId, List<RecordContent> contents, long seen, CancellationToken cancellationToken)
    {
        if (contents.Count == 0)
        {
            return;
        }
        await using var command = db.Command("""
            INSERT INTO records (id, base_id, table_id, created_time, deleted, content_hash, first_seen_at, last_seen_at, updated_at, search_text, fields_json)
            VALUES ($id, $base, $table, $created, 0, $hash, $seen, $seen, $seen, $search, $fields)
            """);
        await WriteEachAsync(command, baseId, tableId, contents, seen, cancellationToken);
    }

    private static async Task UpdateRecordsAsync(SqliteConnection db, string baseId, string tableId, List<RecordContent> contents, long seen, CancellationToken cancellationToken)
    {
        if (contents.Count == 0)
        {
            return;
        }
        await using var command = db.Command("""
            UPDATE records SET base_id = $base, table_id = $table, created_time = $created, deleted = 0, deleted_at = NULL,
                content_hash = $hash, last_seen_at = $seen, updated_at = $seen, search_text = $search, fields_json = $fields
            WHERE id = $id
            """);
        await WriteEachAsync(command, baseId, tableId, contents, seen, cancellationToken);
    }

    // One prepared statement per page, re-bound per record: parsing the SQL once per row would dominate.
    private static async Task WriteEachAsync(SqliteCommand command, string baseId, string tableId, List<RecordContent> contents, long seen, CancellationToken cancellationToken)
    {
        command.With("$base", baseId).With("$table", tableId).With("$seen", seen);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var created = command.Parameters.Add("$created", SqliteType.Integer);
        var hash = command.Parameters.Add("$hash", SqliteType.Integer);
        var search = command.Parameters.Add("$search", SqliteType.Text);
        var fields = command.Parameters.Add("$fields", SqliteType.Text);
        command.Prepare();
        foreach (var content in contents)
        {
            id.Value = content.Record.Id;
            created.Value = StoredTime.ToMilliseconds(content.Record.CreatedTime);
            hash.Value = content.Hash;
            search.Value = content.SearchText;
            fields.Value = content.Record.FieldsJson;
            cancellationToken.ThrowIfCancellationRequested();
            // Synchronous on purpose: Microsoft.Data.Sqlite's async methods run synchronously anyway, and their
            // per-call Task costs show at a thousand rows per transaction.
            command.ExecuteNonQuery();
        }
    }

    public Task<int> TombstoneRecordsNotSeenSinceAsync(string baseId, string tableId, DateTimeOffset scanStartedAt, DateTimeOffset deletedAt, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            await using var command = db.Command("""
                UPDATE records SET deleted = 1, deleted_at = $deleted
                WHERE base_id = $base AND table_id = $table AND deleted = 0 AND last_seen_at < $scan
                """).With("$deleted", StoredTime.ToMilliseconds(deletedAt)).With("$base", baseId).With("$table", tableId)
                .With("$scan", StoredTime.ToMilliseconds(scanStartedAt));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task MarkRevisionsFetchedAsync(string recordId, DateTimeOffset fetchedAt, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            await using var command = db.Command("UPDATE records SET revisions_fetched_at = $at WHERE id = $id")
                .With("$at", StoredTime.ToMilliseconds(fetchedAt)).With("$id", recordId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
