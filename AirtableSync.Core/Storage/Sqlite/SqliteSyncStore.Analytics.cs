using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace AirtableSync.Storage.Sqlite;

// Streams for analytics (AirtableSync.Analytics): one table's records and one field's changes, both in record id order
// (BINARY collation, i.e. ordinal), read row by row on a connection of their own so memory stays flat in table size.
public sealed partial class SqliteSyncStore
{
    public async IAsyncEnumerable<FieldChange> StreamFieldChangesAsync(string tableId, string fieldId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // ix_revision_events_table_field covers the order; the values come from their own columns (migration 8).
        await using var command = connection.Command("""
            SELECT record_id, activity_id, changed_at, old_values, new_values FROM revision_events
            WHERE table_id = $table AND field_id = $field ORDER BY record_id, changed_at
            """).With("$table", tableId).With("$field", fieldId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadFieldChange(reader);
        }
    }

    public async IAsyncEnumerable<RecordFieldCell> StreamFieldCellsAsync(string baseId, string tableId, string fieldId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!RecordQueryRules.IsFieldId(fieldId))
        {
            throw new ArgumentException($"Field id '{fieldId}' is not an Airtable field id.", nameof(fieldId));
        }
        await using var connection = await OpenAsync(cancellationToken);
        // '->' answers the cell as JSON text (a select's name keeps its quotes), null when the record has no such key.
        await using var command = connection.Command("""
            SELECT id, created_time, deleted_at, fields_json -> $path FROM records
            WHERE base_id = $base AND table_id = $table ORDER BY id
            """).With("$base", baseId).With("$table", tableId).With("$path", $"$.\"{fieldId}\"");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadFieldCell(reader);
        }
    }

    // Rows of "SELECT record_id, activity_id, changed_at, old_values, new_values" and "SELECT id, created_time, deleted_at, cell".
    private static FieldChange ReadFieldChange(SqliteDataReader reader) => new(reader.GetString(0), reader.GetString(1), reader.GetTime(2),
        FieldValues(reader.GetNullableString(3)), FieldValues(reader.GetNullableString(4)));

    private static RecordFieldCell ReadFieldCell(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetTime(1), reader.GetNullableTime(2), reader.GetNullableString(3));

    // Values are kept as the JSON array event_json has (null when the side is absent).
    private static string? FieldValuesJson(IReadOnlyList<string>? values) => values is null ? null : StorageJson.Serialize(values);

    private static string[]? FieldValues(string? json) => json is null ? null : StorageJson.Deserialize<string[]>(json);
}
