using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace AirtableSync.Storage.Sqlite;

// Analytics' materialized timelines (migration 10): the triggers fill analytics_dirty, these methods read and apply it.
public sealed partial class SqliteSyncStore : IFieldVisitStore
{
    private static readonly string[] StartScripts =
    [
        "DELETE FROM field_visits WHERE table_id = $table AND field_id = $field",
        "DELETE FROM field_visit_keys WHERE table_id = $table AND field_id = $field",
        """
        INSERT INTO field_visit_state (table_id, field_id, processed_seq, complete, built_at) VALUES ($table, $field, $seq, 0, 0)
        ON CONFLICT (table_id, field_id) DO UPDATE SET processed_seq = $seq, complete = 0
        """,
    ];

    public Task<FieldVisitState?> GetFieldVisitStateAsync(string tableId, string fieldId, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            await using var command = db.Command("""
                SELECT processed_seq, complete, built_at FROM field_visit_state WHERE table_id = $table AND field_id = $field
                """).With("$table", tableId).With("$field", fieldId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new FieldVisitState(reader.GetInt64(0), reader.GetInt64(1) == 1, reader.GetTime(2))
                : null;
        }, cancellationToken);

    public Task<long> StartFieldVisitsAsync(string tableId, string fieldId, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            // In the same transaction as the state row: every later change of the table gets a larger seq, and the
            // state's processed_seq keeps the entries after it from being cleaned up while the rebuild runs.
            await using var last = db.Command("SELECT coalesce(max(seq), 0) FROM analytics_dirty");
            var seq = (long)(await last.ExecuteScalarAsync(cancellationToken))!;
            foreach (var sql in StartScripts)
            {
                await using var command = db.Command(sql).With("$table", tableId).With("$field", fieldId).With("$seq", seq);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            return seq;
        }, cancellationToken);

    public Task<FieldVisitWork> ListFieldVisitWorkAsync(string tableId, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            await using var command = db.Command("""
                SELECT seq, record_id FROM analytics_dirty WHERE table_id = $table AND seq > $after ORDER BY seq LIMIT $limit
                """).With("$table", tableId).With("$after", afterSeq).With("$limit", limit);
            var ids = new List<string>();
            var lastSeq = afterSeq;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lastSeq = reader.GetInt64(0);
                ids.Add(reader.GetString(1));
            }
            return new FieldVisitWork(ids, lastSeq);
        }, cancellationToken);

    public async IAsyncEnumerable<RecordFieldCell> StreamFieldCellsAsync(string baseId, string tableId, string fieldId, IReadOnlyCollection<string> recordIds,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!RecordQueryRules.IsFieldId(fieldId))
        {
            throw new ArgumentException($"Field id '{fieldId}' is not an Airtable field id.", nameof(fieldId));
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT id, created_time, deleted_at, fields_json -> $path FROM records
            WHERE id IN (SELECT value FROM json_each($ids)) AND base_id = $base AND table_id = $table ORDER BY id
            """).With("$base", baseId).With("$table", tableId).With("$path", $"$.\"{fieldId}\"").With("$ids", StorageJson.Serialize(recordIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadFieldCell(reader);
        }
    }

    public async IAsyncEnumerable<FieldChange> StreamFieldChangesAsync(string tableId, string fieldId, IReadOnlyCollection<string> recordIds,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT record_id, activity_id, changed_at, old_values, new_values FROM revision_events
            WHERE table_id = $table AND field_id = $field AND record_id IN (SELECT value FROM json_each($ids))
            ORDER BY record_id, changed_at
            """).With("$table", tableId).With("$field", fieldId).With("$ids", StorageJson.Serialize(recordIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadFieldChange(reader);
        }
    }

    public Task SaveFieldVisitsAsync(string tableId, string fieldId, FieldVisitBatch batch, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            foreach (var removed in batch.Removed)
            {
                await using var delete = db.Command("DELETE FROM field_visits WHERE table_id = $table AND field_id = $field AND first_record_id = $first")
                    .With("$table", tableId).With("$field", fieldId).With("$first", removed);
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var upsert = db.Command("""
                INSERT INTO field_visits (table_id, field_id, first_record_id, data) VALUES ($table, $field, $first, $data)
                ON CONFLICT (table_id, field_id, first_record_id) DO UPDATE SET data = excluded.data
                """))
            {
                upsert.Parameters.AddWithValue("$table", tableId);
                upsert.Parameters.AddWithValue("$field", fieldId);
                var first = upsert.Parameters.Add("$first", SqliteType.Text);
                var data = upsert.Parameters.Add("$data", SqliteType.Blob);
                foreach (var row in batch.Rows)
                {
                    first.Value = row.FirstRecordId;
                    data.Value = row.Data;
                    await upsert.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            for (var i = 0; i < batch.NewKeys.Count; i++)
            {
                await using var key = db.Command("INSERT INTO field_visit_keys (table_id, field_id, key_id, key) VALUES ($table, $field, $id, $key)")
                    .With("$table", tableId).With("$field", fieldId).With("$id", batch.FirstNewKeyId + i).With("$key", batch.NewKeys[i]);
                await key.ExecuteNonQueryAsync(cancellationToken);
            }
            if (batch.ProcessedSeq is { } seq)
            {
                await using var state = db.Command("""
                    UPDATE field_visit_state SET processed_seq = $seq, complete = coalesce($complete, complete), built_at = coalesce($built, built_at)
                    WHERE table_id = $table AND field_id = $field
                    """).With("$table", tableId).With("$field", fieldId).With("$seq", seq)
                    .With("$complete", batch.Complete is { } complete ? (complete ? 1 : 0) : null)
                    .With("$built", batch.BuiltAt is { } built ? StoredTime.ToMilliseconds(built) : null);
                await state.ExecuteNonQueryAsync(cancellationToken);
                // Entries every timeline of the table has applied are done with.
                await using var done = db.Command("""
                    DELETE FROM analytics_dirty WHERE table_id = $table
                        AND seq <= (SELECT min(processed_seq) FROM field_visit_state WHERE table_id = $table)
                    """).With("$table", tableId);
                await done.ExecuteNonQueryAsync(cancellationToken);
            }
        }, cancellationToken);

    public Task<IReadOnlyList<FieldVisitRow>> LoadFieldVisitRowsAsync(string tableId, string fieldId, IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<FieldVisitRow>>(async db =>
        {
            await using var holder = db.Command("""
                SELECT coalesce(
                    (SELECT first_record_id FROM field_visits WHERE table_id = $table AND field_id = $field AND first_record_id <= $record
                        ORDER BY first_record_id DESC LIMIT 1),
                    (SELECT first_record_id FROM field_visits WHERE table_id = $table AND field_id = $field ORDER BY first_record_id LIMIT 1))
                """).With("$table", tableId).With("$field", fieldId);
            var record = holder.Parameters.Add("$record", SqliteType.Text);
            var keys = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var recordId in recordIds)
            {
                record.Value = recordId;
                if (await holder.ExecuteScalarAsync(cancellationToken) is string key)
                {
                    keys.Add(key);
                }
            }
            var rows = new List<FieldVisitRow>(keys.Count);
            await using var load = db.Command("SELECT data FROM field_visits WHERE table_id = $table AND field_id = $field AND first_record_id = $first")
                .With("$table", tableId).With("$field", fieldId);
            var first = load.Parameters.Add("$first", SqliteType.Text);
            foreach (var key in keys)
            {
                first.Value = key;
                rows.Add(new FieldVisitRow(key, (byte[])(await load.ExecuteScalarAsync(cancellationToken))!));
            }
            return rows;
        }, cancellationToken);

    public async Task<FieldVisitSnapshot> OpenFieldVisitsAsync(string tableId, string fieldId, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            // A deferred transaction's snapshot begins at its first read (the keys) and holds for the rows after them.
            var transaction = connection.BeginTransaction(deferred: true);
            var keys = new List<string>();
            await using (var command = connection.Command("SELECT key FROM field_visit_keys WHERE table_id = $table AND field_id = $field ORDER BY key_id")
                .With("$table", tableId).With("$field", fieldId))
            {
                command.Transaction = transaction;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    keys.Add(reader.GetString(0));
                }
            }
            return new SqliteFieldVisitSnapshot(connection, transaction, tableId, fieldId, keys);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class SqliteFieldVisitSnapshot(SqliteConnection connection, SqliteTransaction transaction, string tableId, string fieldId, List<string> keys)
        : FieldVisitSnapshot
    {
        public override IReadOnlyList<string> Keys => keys;

        public override async IAsyncEnumerable<FieldVisitRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await using var command = RowsCommand();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return new FieldVisitRow(reader.GetString(0), (byte[])reader.GetValue(1));
            }
        }

        public override void ReadRows(FieldVisitRowAction visit, CancellationToken cancellationToken = default)
        {
            using var command = RowsCommand();
            using var reader = command.ExecuteReader();
            for (var rows = 0; reader.Read(); rows++)
            {
                if ((rows & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                // One copy of the blob (GetBytes would copy it once per call).
                visit(reader.GetString(0), reader.GetFieldValue<byte[]>(1));
            }
        }

        private SqliteCommand RowsCommand()
        {
            var command = connection.Command("SELECT first_record_id, data FROM field_visits WHERE table_id = $table AND field_id = $field ORDER BY first_record_id")
                .With("$table", tableId).With("$field", fieldId);
            command.Transaction = transaction;
            return command;
        }

        public override async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
