namespace AirtableSync.Storage;

/// <summary>Field-level changes and comments recovered from records' revision history.</summary>
public interface IRevisionStore
{
    /// <summary>Inserts or replaces events keyed by (recordId, activityId, fieldId); returns how many were new.</summary>
    Task<int> UpsertRevisionEventsAsync(IReadOnlyList<RevisionEvent> events, CancellationToken cancellationToken = default);
    /// <summary>Events of one record, newest first.</summary>
    Task<IReadOnlyList<RevisionEvent>> GetRevisionsAsync(string recordId, CancellationToken cancellationToken = default);
    Task<IReadOnlySet<string>> GetKnownActivityIdsAsync(string recordId, CancellationToken cancellationToken = default);
    /// <summary>
    /// A base's events across records, newest first (changedAt, recordId, activityId, fieldId, all descending), narrowed by
    /// every filter the query sets; Take 1..<see cref="ActivityCursor.MaxTake"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The query's cursor is not one this feed returned, or Take is out of range.</exception>
    Task<ActivityPage> QueryActivityAsync(ActivityQuery query, CancellationToken cancellationToken = default);
    /// <summary>Everyone with events in the base (or one of its tables), with their latest name and email and how many events.</summary>
    Task<IReadOnlyList<ActivityActor>> ListActivityActorsAsync(string baseId, string? tableId, CancellationToken cancellationToken = default);
    Task UpsertRecordCommentsAsync(IReadOnlyList<RecordComment> comments, CancellationToken cancellationToken = default);
    /// <summary>Comments of one record, oldest first.</summary>
    Task<IReadOnlyList<RecordComment>> GetRecordCommentsAsync(string recordId, CancellationToken cancellationToken = default);
    /// <summary>
    /// Every change of one field in a table, ordered by record id (ordinal) then time: what analytics stream, one record's
    /// history at a time. Changes at the same instant come in no defined order.
    /// </summary>
    IAsyncEnumerable<FieldChange> StreamFieldChangesAsync(string tableId, string fieldId, CancellationToken cancellationToken = default);
}
