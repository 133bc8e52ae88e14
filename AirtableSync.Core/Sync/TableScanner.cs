using AirtableSync.Airtable;
using AirtableSync.Storage;

namespace AirtableSync.Sync;

/// <summary>Streams one record scan (one table, or one slice of it) page by page into the store; memory stays flat.</summary>
public sealed class TableScanner(AirtableApiClient client, ISyncStore store, TimeProvider time)
{
    /// <summary>
    /// Scans until the end, or until <paramref name="stopAfterFirstPage"/> says to stop after the first page
    /// (the caller then rescans in slices). Returns false when it stopped early.
    /// </summary>
    public async Task<bool> ScanAsync(
        string baseId,
        string tableId,
        string? filterByFormula,
        Func<int, Task> onPageStored,
        Func<AirtableRecordPage, bool>? stopAfterFirstPage,
        CancellationToken cancellationToken)
    {
        var request = new ListRecordsRequest { FilterByFormula = filterByFormula, PageSize = 100 };
        await foreach (var page in client.ListRecordsAsync(baseId, tableId, request, cancellationToken))
        {
            // seenAt is taken per page, after the scan started, so a finished full scan can tombstone
            // exactly the records it did not see (lastSeen < scan start).
            await store.UpsertRecordsAsync(baseId, tableId, page.Records, time.GetUtcNow(), cancellationToken);
            await onPageStored(page.Records.Count);
            if (page.PageIndex == 0 && stopAfterFirstPage?.Invoke(page) == true)
            {
                return false;
            }
        }
        return true;
    }
}
