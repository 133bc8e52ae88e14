namespace AirtableSync.Storage;

/// <summary>Records as the last scan saw them, tombstones included, and when their revision history was fetched.</summary>
public interface IRecordStore
{
    /// <summary>
    /// Upserts one page of records. Unchanged records (same cells) keep their updatedAt and content;
    /// only lastSeenAt moves. A tombstoned record that reappears is revived (counted as updated).
    /// Cells that are not a JSON object, or an id twice in the page, throw <see cref="ArgumentException"/> and nothing of the page is written.
    /// </summary>
    Task<UpsertOutcome> UpsertRecordsAsync(string baseId, string tableId, IReadOnlyList<RecordData> records, DateTimeOffset seenAt, CancellationToken cancellationToken = default);
    /// <summary>After a complete full scan that started at <paramref name="scanStartedAt"/>: records not seen since become tombstones.</summary>
    Task<int> TombstoneRecordsNotSeenSinceAsync(string baseId, string tableId, DateTimeOffset scanStartedAt, DateTimeOffset deletedAt, CancellationToken cancellationToken = default);
    /// <summary>
    /// Throws <see cref="ArgumentException"/> for a negative skip, a take outside 1..1000, a sort field that is not an Airtable field id,
    /// or a filter the table's synced schema does not support (unknown or removed field, a field type the filter cannot apply to).
    /// </summary>
    Task<RecordPage> QueryRecordsAsync(RecordQuery query, CancellationToken cancellationToken = default);
    /// <summary>The distinct people in a collaborator field of a table's live records, by name, with how many records hold each.</summary>
    Task<IReadOnlyList<CellPerson>> ListPeopleAsync(string baseId, string tableId, string fieldId, int limit = 200, CancellationToken cancellationToken = default);
    Task<StoredRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StoredRecord>> GetRecordsByIdsAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken = default);
    /// <summary>Live records of a table whose cells changed after their revision history was last fetched (or never fetched).</summary>
    Task<IReadOnlyList<StoredRecord>> ListRecordsNeedingRevisionsAsync(string baseId, string tableId, int limit, CancellationToken cancellationToken = default);
    Task MarkRevisionsFetchedAsync(string recordId, DateTimeOffset fetchedAt, CancellationToken cancellationToken = default);
    /// <summary>Every record of a table, tombstones included, with its current cell of one field, ordered by record id (ordinal).</summary>
    IAsyncEnumerable<RecordFieldCell> StreamFieldCellsAsync(string baseId, string tableId, string fieldId, CancellationToken cancellationToken = default);
}
