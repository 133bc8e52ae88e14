using System.Globalization;
using AirtableSync.Jobs;
using AirtableSync.Storage;
using Microsoft.Extensions.Options;

namespace AirtableSync.Sync;

// One sync job's flow: schema first (which bases and tables exist), then records, base by base in parallel.
public sealed class SyncRun(SchemaSynchronizer schema, BaseRecordSynchronizer records, SyncBaseSelection bases, ISchemaStore store, IRecordStore recordStore, TimeProvider time, IOptions<SyncOptions> options, IEnumerable<ISyncFollowUp> followUps)
{
    public async Task RunAsync(JobContext job, SyncRequest request, SyncPlan plan, CancellationToken cancellationToken)
    {
        var baseIds = plan.RefreshSchema
            ? await SyncSchemaAsync(job, request, cancellationToken)
            : await bases.SelectStoredAsync(job, request, cancellationToken);
        if (plan.Records is { } mode)
        {
            await SyncRecordsAsync(job, baseIds, mode, cancellationToken);
            foreach (var followUp in followUps)
            {
                await followUp.RunAsync(job, request, baseIds, cancellationToken);
            }
        }
    }

    private async Task<IReadOnlyList<string>> SyncSchemaAsync(JobContext job, SyncRequest request, CancellationToken cancellationToken)
    {
        await job.ReportProgressAsync("schema", null, 0, null, cancellationToken);
        var list = await schema.SyncBaseListAsync(cancellationToken);
        var names = list.ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
        var baseIds = await SyncBaseSelection.SelectVisibleAsync(job, request, [.. list.Select(b => b.Id)], cancellationToken);
        var done = 0;
        foreach (var baseId in baseIds)
        {
            await job.RunItemAsync($"schema of {baseId}", async ct =>
            {
                var tables = await schema.SyncBaseSchemaAsync(baseId, ct);
                await job.LogAsync(string.Format(CultureInfo.InvariantCulture, "Base {0}: schema, {1:N0} {2}",
                    names.GetValueOrDefault(baseId, baseId), tables.Count, tables.Count == 1 ? "table" : "tables"), ct);
            }, cancellationToken);
            await job.ReportProgressAsync("schema", baseId, ++done, baseIds.Count, cancellationToken);
        }
        return baseIds;
    }

    private async Task SyncRecordsAsync(JobContext job, IReadOnlyList<string> baseIds, SyncMode mode, CancellationToken cancellationToken)
    {
        var progress = new SyncProgress();
        var tablesByBase = new Dictionary<string, IReadOnlyList<StoredTable>>();
        var stored = (await store.ListBasesAsync(cancellationToken)).ToDictionary(b => b.Id, StringComparer.Ordinal);
        foreach (var baseId in baseIds)
        {
            var tables = (await store.ListTablesAsync(baseId, cancellationToken)).Where(t => !t.IsRemoved).ToList();
            tablesByBase[baseId] = tables;
            foreach (var table in tables)
            {
                progress.Expect((await recordStore.QueryRecordsAsync(new RecordQuery(baseId, table.Id, Take: 1), cancellationToken)).TotalCount);
            }
        }

        var reportGate = new SemaphoreSlim(1, 1);
        async Task ReportAsync(CancellationToken ct)
        {
            // Scans run concurrently; progress is published in order, one at a time.
            await reportGate.WaitAsync(ct);
            try
            {
                await job.ReportProgressAsync("records", progress.CurrentTable, progress.Records, progress.Total, ct);
            }
            finally
            {
                reportGate.Release();
            }
        }

        await job.ReportProgressAsync("records", null, 0, progress.Total, cancellationToken);
        await Parallel.ForEachAsync(baseIds, new ParallelOptions { MaxDegreeOfParallelism = options.Value.ParallelBases, CancellationToken = cancellationToken },
            async (baseId, ct) =>
            {
                var failuresBefore = job.FailureCount;
                var @base = stored.GetValueOrDefault(baseId) ?? new StoredBase(baseId, baseId, "", false, default, default, null);
                await records.SyncBaseAsync(job, @base, tablesByBase[baseId], mode, progress, ReportAsync, ct);
                if (job.FailureCount == failuresBefore)
                {
                    await store.MarkBaseSyncedAsync(baseId, time.GetUtcNow(), ct);
                }
            });
        await job.ReportProgressAsync("records", null, progress.Records, progress.Records, cancellationToken);
    }
}
