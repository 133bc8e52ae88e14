using AirtableSync.Jobs;
using AirtableSync.Storage;

namespace AirtableSync.Sync;

// Which bases a job covers: the requested ones among those available, or all of them when none is named. Every
// job that works on bases (schema, records, revision history) selects them here, so a requested base that is not
// available is never silently dropped: it is recorded as a failed item naming it (the job ends
// PartiallySucceeded), and the others still sync.
public sealed class SyncBaseSelection(ISchemaStore store)
{
    // Among the bases the connection can see, as the schema sync just read them from Airtable.
    public static Task<IReadOnlyList<string>> SelectVisibleAsync(JobContext job, SyncRequest request, IReadOnlyList<string> visible, CancellationToken cancellationToken) =>
        SelectAsync(job, request, visible, "This base is not visible to the connection (removed, or not granted to the token).", cancellationToken);

    // Among the bases stored here and not removed, for jobs that work on what an earlier sync brought in.
    public async Task<IReadOnlyList<string>> SelectStoredAsync(JobContext job, SyncRequest request, CancellationToken cancellationToken)
    {
        var stored = (await store.ListBasesAsync(cancellationToken)).Where(b => !b.IsRemoved).Select(b => b.Id).ToList();
        return await SelectAsync(job, request, stored,
            "This base is not stored here: it was never synced, or it was removed from Airtable. A full or incremental sync brings it in.", cancellationToken);
    }

    private static async Task<IReadOnlyList<string>> SelectAsync(JobContext job, SyncRequest request, IReadOnlyList<string> available, string whyMissing, CancellationToken cancellationToken)
    {
        if (request.BaseIds is not { Count: > 0 } wanted)
        {
            return available;
        }
        foreach (var missing in wanted.Except(available, StringComparer.Ordinal))
        {
            await job.RecordFailureAsync(missing, whyMissing, cancellationToken);
        }
        return [.. wanted.Intersect(available, StringComparer.Ordinal)];
    }
}
