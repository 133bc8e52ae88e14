using AirtableSync.Jobs;

namespace AirtableSync.Sync;

// Schema, then a full scan of the records (and, when asked, revision history — added by the revisions feature).
public sealed class FullSyncJobHandler(SyncRun run) : IJobHandler
{
    public JobKind Kind => JobKind.FullSync;

    public Task RunAsync(JobContext context, CancellationToken cancellationToken) =>
        run.RunAsync(context, context.GetParameters<SyncRequest>(), SyncPlan.Full, cancellationToken);
}

// Schema, then the records changed since the last sync (and, when asked, revision history).
public sealed class IncrementalSyncJobHandler(SyncRun run) : IJobHandler
{
    public JobKind Kind => JobKind.IncrementalSync;

    public Task RunAsync(JobContext context, CancellationToken cancellationToken) =>
        run.RunAsync(context, context.GetParameters<SyncRequest>(), SyncPlan.Incremental, cancellationToken);
}

public sealed class SchemaSyncJobHandler(SyncRun run) : IJobHandler
{
    public JobKind Kind => JobKind.SchemaSync;

    public Task RunAsync(JobContext context, CancellationToken cancellationToken) =>
        run.RunAsync(context, context.GetParameters<SyncRequest>(), SyncPlan.SchemaOnly, cancellationToken);
}

// Records only, for the tables already known locally (no schema refresh).
public sealed class RecordSyncJobHandler(SyncRun run) : IJobHandler
{
    public JobKind Kind => JobKind.RecordSync;

    public Task RunAsync(JobContext context, CancellationToken cancellationToken) =>
        run.RunAsync(context, context.GetParameters<SyncRequest>(), SyncPlan.StoredTablesFull, cancellationToken);
}
