using System.Globalization;
using AirtableSync.Jobs;
using AirtableSync.Storage;
using AirtableSync.WebSession;
using Microsoft.Extensions.Options;

namespace AirtableSync.Revisions;

// Revision sync for the tables of some bases: every live record whose cells changed since its history was last
// fetched (all of them the first time), a few at a time under the per-base limiter. A record's failure is
// recorded and the rest go on; an expired session stops the job (fail fast).
public sealed class RevisionSynchronizer(
    ISchemaStore schemaStore,
    IRecordStore recordStore,
    RecordHistoryFetcher fetcher,
    TableFieldRoles fieldRoles,
    WebSessionValidator sessions,
    IOptions<RevisionOptions> options)
{
    private const int BatchSize = 500;

    public async Task SyncAsync(JobContext job, IReadOnlyList<string> baseIds, CancellationToken cancellationToken)
    {
        try
        {
            await SyncCoreAsync(job, baseIds, cancellationToken);
        }
        catch (WebSessionReloginRequiredException)
        {
            // Record the dead session so the UI and /browser-sessions/current say "re-login needed", then stop the job.
            await sessions.ValidateAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task SyncCoreAsync(JobContext job, IReadOnlyList<string> baseIds, CancellationToken cancellationToken)
    {
        await job.ReportProgressAsync("revisions", "checking the web session", 0, null, cancellationToken);
        var session = await RequireLiveSessionAsync(cancellationToken);

        var work = new List<(StoredTable Table, RevisionFieldRoles Roles, RevisionSchema Schema, IReadOnlyList<StoredRecord> Records)>();
        var baseNames = (await schemaStore.ListBasesAsync(cancellationToken)).ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
        foreach (var baseId in baseIds)
        {
            foreach (var table in (await schemaStore.ListTablesAsync(baseId, cancellationToken)).Where(t => !t.IsRemoved))
            {
                var records = await recordStore.ListRecordsNeedingRevisionsAsync(baseId, table.Id, int.MaxValue, cancellationToken);
                if (records.Count > 0)
                {
                    work.Add((table, await fieldRoles.GetAsync(table, cancellationToken), RevisionSchema.From(table.Fields), records));
                }
            }
        }

        var total = work.Sum(w => w.Records.Count);
        var done = 0;
        var sinceValidation = 0;
        var gate = new SemaphoreSlim(1, 1);
        await job.ReportProgressAsync("revisions", null, 0, total, cancellationToken);
        if (work.Count == 0)
        {
            await job.LogAsync("Revision history: no record changed since its history was last fetched", cancellationToken);
        }
        foreach (var (table, roles, schema, records) in work)
        {
            var events = 0L;
            var fetched = 0;
            foreach (var batch in records.Chunk(BatchSize))
            {
                await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = options.Value.ConcurrentRecords, CancellationToken = cancellationToken },
                    async (record, ct) =>
                    {
                        await job.RunItemAsync($"history of {record.Id} ({table.Name})", async c =>
                        {
                            var outcome = await fetcher.FetchAsync(session, record, roles, schema, c);
                            Interlocked.Add(ref events, outcome.NewEvents);
                            Interlocked.Increment(ref fetched);
                            job.CountTable(new JobTableCounts(table.BaseId, baseNames.GetValueOrDefault(table.BaseId), table.Id, table.Name,
                                Seen: 0, Added: 0, Changed: 0, Deleted: 0, RevisionEvents: outcome.NewEvents));
                        }, ct);
                        await gate.WaitAsync(ct);
                        try
                        {
                            done++;
                            if (++sinceValidation >= options.Value.RevalidateEveryRecords)
                            {
                                // Long runs re-check the cookies (§5.7) so an expiry stops the job promptly.
                                sinceValidation = 0;
                                session = await RequireLiveSessionAsync(ct);
                            }
                            await job.ReportProgressAsync("revisions", table.Name, done, total, ct);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    });
            }
            await job.LogAsync(string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} revision events from {2:N0} of {3:N0} records",
                table.Name, Interlocked.Read(ref events), Volatile.Read(ref fetched), records.Count), cancellationToken);
        }
    }

    private async Task<AirtableWebSession> RequireLiveSessionAsync(CancellationToken cancellationToken)
    {
        var check = await sessions.ValidateAsync(cancellationToken);
        if (check.State != WebSessionState.Valid)
        {
            throw new WebSessionReloginRequiredException(check.State == WebSessionState.None
                ? "Revision history needs an Airtable web session: log in through the browser first."
                : "The Airtable web session has expired: log in again through the browser.");
        }
        return await sessions.RequireSessionAsync(cancellationToken);
    }
}
