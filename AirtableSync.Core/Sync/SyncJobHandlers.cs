using AirtableSync.Jobs;

namespace AirtableSync.Sync;

/// <summary>Schema, then records (and, when asked, revision history — added by the revisions feature).</summary>
public sealed class FullSyncJobHandler(SyncRun run) : IJobHandler
{
    public JobKind Kind => JobKind.FullSync;

    public Task RunAsync(JobContext context, CancellationToken cancellationToken) =>
        run.RunAsync(context, context.GetParameters<SyncRequest>(), syncSchema: true, syncRecords: true, cancellationToken);
}

public sealed class SchemaSyncJobHandler(SyncRun run) : IJobHandler
{
    public JobKind Kind => JobKind.SchemaSync;

    public Task RunAsync(JobContext context, CancellationToken cancellationToken) =>
        run.RunAsync(context, context.GetParameters<SyncRequest>(), syncSchema: true, syncRecords: false, cancellationToken);
}

/// <summary>Records only, for the tables already known locally (no schema refresh).</summary>
public sealed class RecordSyncJobHandler(SyncRun run) : IJobHandler
{
    public JobKind Kind => JobKind.RecordSync;

    public Task RunAsync(JobContext context, CancellationToken cancellationToken) =>
        run.RunAsync(context, context.GetParameters<SyncRequest>(), syncSchema: false, syncRecords: true, cancellationToken);
}
