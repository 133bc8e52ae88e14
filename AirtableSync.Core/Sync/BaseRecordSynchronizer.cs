using System.Globalization;
using AirtableSync.Jobs;
using AirtableSync.Storage;
using Microsoft.Extensions.Options;

namespace AirtableSync.Sync;

// Syncs the records of one base's tables concurrently through a pool of scan streams, splitting a large
// table into slices when there are fewer tables left than streams, so the base's 5 requests/s stay busy
// (a single scan is bound by latency because each page needs the previous offset).
public sealed class BaseRecordSynchronizer(TableScanner scanner, ICheckpointStore store, IRecordStore recordStore, TimeProvider time, IOptions<SyncOptions> options)
{
    private const int PageSize = 100;

    public async Task SyncBaseAsync(JobContext job, StoredBase @base, IReadOnlyList<StoredTable> tables, SyncMode mode, SyncProgress progress, Func<CancellationToken, Task> reportAsync, CancellationToken cancellationToken)
    {
        var baseId = @base.Id;
        using var streams = new SemaphoreSlim(options.Value.StreamsPerBase);
        var unfinishedTables = tables.Count;
        await Task.WhenAll(tables.Select(async table =>
        {
            try
            {
                await job.RunItemAsync($"{baseId}/{table.Id} ({table.Name})",
                    ct => SyncTableAsync(new TableSyncRequest(job, @base, table, mode, progress, reportAsync, streams, () => Volatile.Read(ref unfinishedTables)), ct),
                    cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref unfinishedTables);
            }
        }));
    }

    // Streams is the base's pool of scan streams, shared by its tables; UnfinishedTables (how many of them are
    // still scanning) is read when deciding whether a large table is worth slicing.
    private sealed record TableSyncRequest(
        JobContext Job,
        StoredBase Base,
        StoredTable Table,
        SyncMode Mode,
        SyncProgress Progress,
        Func<CancellationToken, Task> ReportAsync,
        SemaphoreSlim Streams,
        Func<int> UnfinishedTables);

    private async Task SyncTableAsync(TableSyncRequest request, CancellationToken cancellationToken)
    {
        var (job, @base, table, mode, progress, reportAsync, streams, unfinishedTables) = request;
        var baseId = @base.Id;
        var checkpoint = await TableScanCheckpoint.LoadAsync(store, job.CheckpointScope, baseId, table.Id, cancellationToken);
        if (checkpoint is { Done: true })
        {
            await job.LogAsync($"{table.Name}: already synced by the job this one resumes", cancellationToken);
            return; // finished before the job was interrupted
        }
        var tally = new TableTally(job, @base, table);
        tally.Count(new UpsertOutcome(0, 0, 0)); // listed even when it holds no records

        var state = await TableSyncState.LoadAsync(store, baseId, table.Id, cancellationToken);
        var now = time.GetUtcNow();
        async Task OnPageAsync(UpsertOutcome outcome)
        {
            tally.Count(outcome);
            progress.AddRecords(outcome.Total);
            progress.CurrentTable = table.Name;
            await reportAsync(cancellationToken);
        }

        if (mode == SyncMode.Incremental && state is { LastFullScanStartedAt: { } lastFull, LastSyncStartedAt: { } lastSync }
            && now - lastFull < options.Value.FullReconciliationInterval)
        {
            var since = (lastSync - options.Value.IncrementalOverlap).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            await streams.WaitAsync(cancellationToken);
            try
            {
                // LAST_MODIFIED_TIME() is empty until a record's first edit (docs/airtable/public-api.md §3.6): new records are
                // found by their creation time.
                await scanner.ScanAsync(baseId, table.Id, $"OR(IS_AFTER(LAST_MODIFIED_TIME(), '{since}'), IS_AFTER(CREATED_TIME(), '{since}'))", OnPageAsync, null, cancellationToken);
            }
            finally
            {
                streams.Release();
            }
            await (state with { LastSyncStartedAt = now }).SaveAsync(store, baseId, table.Id, time.GetUtcNow(), cancellationToken);
            await new TableScanCheckpoint(true, now).SaveAsync(store, job.CheckpointScope, baseId, table.Id, time.GetUtcNow(), cancellationToken);
            await job.LogAsync(tally.Describe(deleted: null), cancellationToken);
            return;
        }

        // A table cut short by a crash is scanned again from a fresh start: Airtable's offsets do not survive
        // (iterators expire, docs/airtable/public-api.md §3.3), and only a complete scan may tombstone what it did not see.
        var scanStartedAt = now;
        await new TableScanCheckpoint(false, scanStartedAt).SaveAsync(store, job.CheckpointScope, baseId, table.Id, now, cancellationToken);

        await FullScanAsync(baseId, table.Id, streams, unfinishedTables, OnPageAsync, cancellationToken);

        // The scan is complete here (a failed page throws past this point), and deletions are only knowable
        // after a complete full scan (docs/airtable/public-api.md §3.6 item 3).
        var deleted = await recordStore.TombstoneRecordsNotSeenSinceAsync(baseId, table.Id, scanStartedAt, time.GetUtcNow(), cancellationToken);
        job.CountTable(tally.Deleted(deleted));
        await new TableSyncState(scanStartedAt, scanStartedAt).SaveAsync(store, baseId, table.Id, time.GetUtcNow(), cancellationToken);
        await new TableScanCheckpoint(true, scanStartedAt).SaveAsync(store, job.CheckpointScope, baseId, table.Id, time.GetUtcNow(), cancellationToken);
        await job.LogAsync(tally.Describe(deleted), cancellationToken);
    }

    private async Task FullScanAsync(string baseId, string tableId, SemaphoreSlim streams, Func<int> unfinishedTables, Func<UpsertOutcome, Task> onPage, CancellationToken cancellationToken)
    {
        int SlicesWanted() => Math.Clamp(
            (int)Math.Ceiling(options.Value.StreamsPerBase / (double)Math.Max(1, unfinishedTables())), 1, options.Value.MaxSlicesPerTable);

        await streams.WaitAsync(cancellationToken);
        bool finishedUnsliced;
        try
        {
            // The first page decides: a short page means a small table (done in one request); a full page while
            // streams would stay idle means a large table worth slicing, and is dropped, since the slices read it again.
            finishedUnsliced = await scanner.ScanAsync(baseId, tableId, null, onPage,
                page => page.Records.Count >= PageSize && SlicesWanted() > 1, cancellationToken);
        }
        finally
        {
            streams.Release();
        }
        if (finishedUnsliced)
        {
            return;
        }

        var slices = RecordSlices.Formulas(SlicesWanted());
        await Task.WhenAll(slices.Select(async formula =>
        {
            await streams.WaitAsync(cancellationToken);
            try
            {
                await scanner.ScanAsync(baseId, tableId, formula, onPage, null, cancellationToken);
            }
            finally
            {
                streams.Release();
            }
        }));
    }
}
