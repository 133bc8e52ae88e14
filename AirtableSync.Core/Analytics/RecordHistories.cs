namespace AirtableSync.Analytics;

/// <summary>One record with its changes of one field, ordered by time (as stored; <see cref="FieldTimeline"/> orders ties).</summary>
internal sealed record RecordHistory(RecordFieldCell Record, IReadOnlyList<FieldChange> Changes);

// A merge join of a table's records and one field's changes, both streamed in record id order (ordinal), so only one
// record's changes are held at a time. Changes of a record the table no longer lists (never synced) are skipped: without
// its creation time there is no first visit to measure.
internal static class RecordHistories
{
    public static async IAsyncEnumerable<RecordHistory> JoinAsync(IAsyncEnumerable<RecordFieldCell> records, IAsyncEnumerable<FieldChange> changes,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var change = changes.GetAsyncEnumerator(cancellationToken);
        var hasChange = await change.MoveNextAsync();
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            while (hasChange && string.CompareOrdinal(change.Current.RecordId, record.RecordId) < 0)
            {
                hasChange = await change.MoveNextAsync();
            }
            List<FieldChange>? own = null;
            while (hasChange && string.Equals(change.Current.RecordId, record.RecordId, StringComparison.Ordinal))
            {
                (own ??= []).Add(change.Current);
                hasChange = await change.MoveNextAsync();
            }
            yield return new RecordHistory(record, own ?? (IReadOnlyList<FieldChange>)[]);
        }
    }
}
