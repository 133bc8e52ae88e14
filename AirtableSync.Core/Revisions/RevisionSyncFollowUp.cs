using AirtableSync.Jobs;
using AirtableSync.Storage;
using AirtableSync.Sync;

namespace AirtableSync.Revisions;

// Runs revision sync after a record sync that asked for it ("includeRevisions": true).
public sealed class RevisionSyncFollowUp(RevisionSynchronizer revisions) : ISyncFollowUp
{
    public Task RunAsync(JobContext job, SyncRequest request, IReadOnlyList<string> baseIds, CancellationToken cancellationToken) =>
        request.IncludeRevisions ? revisions.SyncAsync(job, baseIds, cancellationToken) : Task.CompletedTask;
}

// Revision history only, for bases already synced locally (selected as the record sync selects them).
public sealed class RevisionSyncJobHandler(RevisionSynchronizer revisions, SyncBaseSelection bases) : IJobHandler
{
    public JobKind Kind => JobKind.RevisionSync;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var baseIds = await bases.SelectStoredAsync(context, context.GetParameters<SyncRequest>(), cancellationToken);
        await revisions.SyncAsync(context, baseIds, cancellationToken);
    }
}
