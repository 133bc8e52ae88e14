namespace AirtableSync.Sync;

// What one SyncRun does; each sync job kind runs one of these.
// RefreshSchema: Read the base list and schemas first; otherwise the stored bases and tables are synced.
// Records: How the records are scanned, or null for no records (nor what follows them).
public sealed record SyncPlan(bool RefreshSchema, SyncMode? Records)
{
    public static SyncPlan Full { get; } = new(RefreshSchema: true, Records: SyncMode.Full);

    public static SyncPlan Incremental { get; } = new(RefreshSchema: true, Records: SyncMode.Incremental);

    public static SyncPlan SchemaOnly { get; } = new(RefreshSchema: true, Records: null);

    public static SyncPlan StoredTablesFull { get; } = new(RefreshSchema: false, Records: SyncMode.Full);
}
