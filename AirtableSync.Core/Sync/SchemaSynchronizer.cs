using AirtableSync.Airtable;
using AirtableSync.Storage;

namespace AirtableSync.Sync;

// Copies the bases a connection sees and each base's tables, fields and views, keyed by id (renames never duplicate).
public sealed class SchemaSynchronizer(AirtableApiClient client, ISchemaStore store, TimeProvider time)
{
    public async Task<IReadOnlyList<BaseInfo>> SyncBaseListAsync(CancellationToken cancellationToken)
    {
        var bases = await client.ListBasesAsync(cancellationToken);
        await store.ApplyBaseListAsync(bases, time.GetUtcNow(), cancellationToken);
        return bases;
    }

    // Returns the base's tables as Airtable lists them now.
    public async Task<IReadOnlyList<TableSchema>> SyncBaseSchemaAsync(string baseId, CancellationToken cancellationToken)
    {
        var tables = await client.GetBaseSchemaAsync(baseId, cancellationToken);
        await store.ApplyBaseSchemaAsync(baseId, tables, time.GetUtcNow(), cancellationToken);
        return tables;
    }
}
