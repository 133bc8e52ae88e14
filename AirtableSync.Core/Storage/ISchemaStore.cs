namespace AirtableSync.Storage;

/// <summary>Bases, tables, fields and views as Airtable last described them.</summary>
public interface ISchemaStore
{
    /// <summary>Upserts the bases a connection sees; bases no longer listed are marked removed (data kept).</summary>
    Task ApplyBaseListAsync(IReadOnlyList<BaseInfo> bases, DateTimeOffset seenAt, CancellationToken cancellationToken = default);
    /// <summary>Upserts a base's tables, fields and views by id; tables and fields gone from Airtable are marked removed, never deleted.</summary>
    Task ApplyBaseSchemaAsync(string baseId, IReadOnlyList<TableSchema> tables, DateTimeOffset syncedAt, CancellationToken cancellationToken = default);
    Task MarkBaseSyncedAsync(string baseId, DateTimeOffset syncedAt, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StoredBase>> ListBasesAsync(CancellationToken cancellationToken = default);
    Task<StoredBase?> GetBaseAsync(string baseId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StoredTable>> ListTablesAsync(string baseId, CancellationToken cancellationToken = default);
    Task<StoredTable?> GetTableAsync(string baseId, string tableId, CancellationToken cancellationToken = default);
}
