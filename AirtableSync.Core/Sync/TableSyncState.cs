using System.Text.Json;
using AirtableSync.Storage;

namespace AirtableSync.Sync;

// What the last syncs of one table achieved; outlives jobs (stable checkpoint scope), so incremental syncs
// know their watermark and when the last complete full scan (the only way to see deletions) happened.
public sealed record TableSyncState(DateTimeOffset? LastFullScanStartedAt, DateTimeOffset? LastSyncStartedAt)
{
    private const string Scope = "table-sync-state";

    public static async Task<TableSyncState> LoadAsync(ICheckpointStore store, string baseId, string tableId, CancellationToken cancellationToken)
    {
        var json = await store.GetCheckpointAsync(Scope, Key(baseId, tableId), cancellationToken);
        return json is null ? new TableSyncState(null, null) : JsonSerializer.Deserialize<TableSyncState>(json) ?? new TableSyncState(null, null);
    }

    public Task SaveAsync(ICheckpointStore store, string baseId, string tableId, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.SaveCheckpointAsync(Scope, Key(baseId, tableId), JsonSerializer.Serialize(this), now, cancellationToken);

    private static string Key(string baseId, string tableId) => $"{baseId}/{tableId}";
}

// Per-job progress of one table, kept under the job's checkpoint scope so a resumed job skips finished tables.
public sealed record TableScanCheckpoint(bool Done, DateTimeOffset ScanStartedAt)
{
    public static async Task<TableScanCheckpoint?> LoadAsync(ICheckpointStore store, string scope, string baseId, string tableId, CancellationToken cancellationToken)
    {
        var json = await store.GetCheckpointAsync(scope, Key(baseId, tableId), cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<TableScanCheckpoint>(json);
    }

    public Task SaveAsync(ICheckpointStore store, string scope, string baseId, string tableId, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.SaveCheckpointAsync(scope, Key(baseId, tableId), JsonSerializer.Serialize(this), now, cancellationToken);

    private static string Key(string baseId, string tableId) => $"records/{baseId}/{tableId}";
}
