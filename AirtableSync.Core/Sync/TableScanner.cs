using AirtableSync.Airtable;
using AirtableSync.Storage;
using Microsoft.Extensions.Options;

namespace AirtableSync.Sync;

// Streams one record scan (one table, or one slice of it) into the store. Pages are written in batches of
// up to SyncOptions.WriteBatchRecords: one store transaction per Airtable page (100 records)
// spends most of its time committing, while a batch is bounded, so memory stays flat whatever the table's size.
public sealed class TableScanner(AirtableApiClient client, IRecordStore store, TimeProvider time, IOptions<SyncOptions> options)
{
    // Scans until the end, or until stopAfterFirstPage says to stop after the first page (the caller then
    // rescans in slices, which read that page's records again). Returns false when it stopped early, having
    // stored nothing: storing the page too would see its records twice, and a sync must report each record once.
    // onRecordsStored hears of every write with what it did (added, changed, unchanged).
    public async Task<bool> ScanAsync(
        string baseId,
        string tableId,
        string? filterByFormula,
        Func<UpsertOutcome, Task> onRecordsStored,
        Func<AirtableRecordPage, bool>? stopAfterFirstPage,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pending = new List<RecordData>(settings.WriteBatchRecords);
        var oldestPendingAt = 0L;

        async Task FlushAsync()
        {
            if (pending.Count == 0)
            {
                return;
            }
            // seenAt is taken at the write, after the scan started, so a finished full scan can tombstone
            // exactly the records it did not see (lastSeen < scan start).
            var outcome = await store.UpsertRecordsAsync(baseId, tableId, pending, time.GetUtcNow(), cancellationToken);
            pending.Clear();
            await onRecordsStored(outcome);
        }

        var request = new ListRecordsRequest { FilterByFormula = filterByFormula, PageSize = 100 };
        await foreach (var page in client.ListRecordsAsync(baseId, tableId, request, cancellationToken))
        {
            if (page.PageIndex == 0 && stopAfterFirstPage?.Invoke(page) == true)
            {
                return false;
            }
            if (pending.Count == 0)
            {
                oldestPendingAt = time.GetTimestamp();
            }
            pending.AddRange(page.Records);
            // A slow scan (one stream, 300 ms a page) still shows progress and keeps its records safe every few seconds.
            if (pending.Count >= settings.WriteBatchRecords || time.GetElapsedTime(oldestPendingAt) >= settings.WriteBatchMaxDelay)
            {
                await FlushAsync();
            }
        }
        await FlushAsync();
        return true;
    }
}
