namespace AirtableSync.Storage;

/// <summary>
/// Materialized timelines for analytics (AirtableSync.Analytics.FieldTimelines): per table and field, rows of opaque
/// encoded timelines of a few hundred records each (keyed by the row's first record id), the values they number, and a work list of records whose cells, deletion or events changed since a
/// timeline was last brought up to date. A store that implements it is told about changes by itself (SQLite: triggers),
/// so no writer has to remember. Stores without it (MongoDB) have their analytics rebuilt from events on every report.
/// </summary>
public interface IFieldVisitStore
{
    /// <summary>The timeline's state, or null when none was started for this table and field.</summary>
    Task<FieldVisitState?> GetFieldVisitStateAsync(string tableId, string fieldId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Drops the table's timeline of the field and starts an empty, incomplete one; from now on the table's changes are
    /// listed. Returns the work list's position before the rebuild reads anything: the rebuild has applied up to there.
    /// </summary>
    Task<long> StartFieldVisitsAsync(string tableId, string fieldId, CancellationToken cancellationToken = default);

    /// <summary>Records listed after <paramref name="afterSeq"/> (oldest first, at most <paramref name="limit"/>), with the position of the last one.</summary>
    Task<FieldVisitWork> ListFieldVisitWorkAsync(string tableId, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>The cells of the given records (those the table holds, tombstones included), ordered by record id.</summary>
    IAsyncEnumerable<RecordFieldCell> StreamFieldCellsAsync(string baseId, string tableId, string fieldId, IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken = default);

    /// <summary>The field's changes of the given records, ordered by record id then time.</summary>
    IAsyncEnumerable<FieldChange> StreamFieldChangesAsync(string tableId, string fieldId, IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// The rows that hold the given records: for each, the row with the greatest key at or before it, or the first row when
    /// it comes before every key. Ordered by key, each once.
    /// </summary>
    Task<IReadOnlyList<FieldVisitRow>> LoadFieldVisitRowsAsync(string tableId, string fieldId, IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: removes the rows keyed <see cref="FieldVisitBatch.Removed"/>, then stores the rows and the new values' numbers,
    /// and, when the batch says so, records how far the work list is applied and whether the timeline is complete.
    /// </summary>
    Task SaveFieldVisitsAsync(string tableId, string fieldId, FieldVisitBatch batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// The timeline as one consistent snapshot: the values it numbers (by number 0, 1, 2, …) and every row, ordered by
    /// record id (ordinal), read on a connection of its own, so a save or rebuild meanwhile cannot mix numberings.
    /// </summary>
    Task<FieldVisitSnapshot> OpenFieldVisitsAsync(string tableId, string fieldId, CancellationToken cancellationToken = default);
}

public sealed record FieldVisitState(long ProcessedSeq, bool Complete, DateTimeOffset BuiltAt);

public sealed record FieldVisitWork(IReadOnlyList<string> RecordIds, long LastSeq);

/// <summary>One row of a timeline: the records from <see cref="FirstRecordId"/> on, encoded together.</summary>
public sealed record FieldVisitRow(string FirstRecordId, byte[] Data);

/// <summary>One save: <see cref="NewKeys"/> continue the numbering from <see cref="FirstNewKeyId"/>.</summary>
public sealed record FieldVisitBatch(
    IReadOnlyList<FieldVisitRow> Rows,
    IReadOnlyList<string> Removed,
    int FirstNewKeyId,
    IReadOnlyList<string> NewKeys,
    long? ProcessedSeq = null,
    bool? Complete = null,
    DateTimeOffset? BuiltAt = null);

public delegate void FieldVisitRowAction(string firstRecordId, ReadOnlySpan<byte> data);

/// <summary>A timeline read at one instant of the store; dispose it to end the read.</summary>
public abstract class FieldVisitSnapshot : IAsyncDisposable
{
    public abstract IReadOnlyList<string> Keys { get; }

    /// <summary>The rows, ordered by key (ordinal); may be read more than once, each time the same rows.</summary>
    public abstract IAsyncEnumerable<FieldVisitRow> ReadRowsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The same rows handed to <paramref name="visit"/> one by one, <paramref name="visit"/>'s span valid only during the call.
    /// Synchronous on purpose: for half a million rows of a few bytes, an awaited step and an array per row cost more than
    /// reading them (and SQLite reads synchronously anyway).
    /// </summary>
    public abstract void ReadRows(FieldVisitRowAction visit, CancellationToken cancellationToken = default);

    public abstract ValueTask DisposeAsync();
}
