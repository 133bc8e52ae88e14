using AirtableSync.Jobs;
using AirtableSync.Storage;
using AirtableSync.Sync;

namespace AirtableSync.Revisions;

/// <summary>Runs revision sync after a record sync that asked for it (<c>"includeRevisions": true</c>).</summary>
public sealed class RevisionSyncFollowUp(RevisionSynchronizer revisions) : ISyncFollowUp
{
    public Task RunAsync(JobContext job, SyncRequest request, IReadOnlyList<string> baseIds, CancellationToken cancellationToken) =>
        request.IncludeRevisions ? revisions.SyncAsync(job, baseIds, cancellationToken) : Task.CompletedTask;
}

/// <summary>Revision history only, for bases already synced locally.</summary>
public sealed class RevisionSyncJobHandler(RevisionSynchronizer revisions, ISchemaStore store) : IJobHandler
{
    public JobKind Kind => JobKind.RevisionSync;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var request = context.GetParameters<SyncRequest>();
        var stored = (await store.ListBasesAsync(cancellationToken)).Where(b => !b.IsRemoved).Select(b => b.Id);
        var baseIds = request.BaseIds is { Count: > 0 } wanted ? stored.Intersect(wanted, StringComparer.Ordinal).ToList() : stored.ToList();
        await revisions.SyncAsync(context, baseIds, cancellationToken);
    }
}
