using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

public sealed partial class MongoSyncStore
{
    private static FilterDefinitionBuilder<BsonDocument> Filter => Builders<BsonDocument>.Filter;

    public async Task ApplyBaseListAsync(IReadOnlyList<BaseInfo> bases, DateTimeOffset seenAt, CancellationToken cancellationToken = default)
    {
        var collection = Collection(MongoCollections.Bases);
        if (bases.Count > 0)
        {
            await collection.BulkWriteAsync(bases.Select(b => MongoSchemaDocuments.SeeBase(b, seenAt)), new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }
        await collection.UpdateManyAsync(
            Filter.Nin("_id", bases.Select(b => b.Id)) & Filter.Eq("isRemoved", false),
            Builders<BsonDocument>.Update.Set("isRemoved", true), cancellationToken: cancellationToken);
    }

    public async Task ApplyBaseSchemaAsync(string baseId, IReadOnlyList<TableSchema> tables, DateTimeOffset syncedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseId);
        var collection = Collection(MongoCollections.Tables);
        var previous = (await ListTablesAsync(baseId, cancellationToken)).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var models = tables.Select((table, position) => (WriteModel<BsonDocument>)new ReplaceOneModel<BsonDocument>(
            ById(MongoSchemaDocuments.TableKey(baseId, table.Id)),
            MongoSchemaDocuments.Table(baseId, table, position, FieldListMerge.Merge(table.Fields, previous.GetValueOrDefault(table.Id)?.Fields), syncedAt))
        { IsUpsert = true }).ToList();
        if (models.Count > 0)
        {
            await collection.BulkWriteAsync(models, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }
        await collection.UpdateManyAsync(
            Filter.Eq("baseId", baseId) & Filter.Eq("isRemoved", false) & Filter.Nin("tableId", tables.Select(t => t.Id)),
            Builders<BsonDocument>.Update.Set("isRemoved", true).Set("updatedAt", MongoValues.Date(syncedAt)), cancellationToken: cancellationToken);
    }

    public Task MarkBaseSyncedAsync(string baseId, DateTimeOffset syncedAt, CancellationToken cancellationToken = default) =>
        Collection(MongoCollections.Bases).UpdateOneAsync(ById(baseId), Builders<BsonDocument>.Update.Set("lastSyncedAt", MongoValues.Date(syncedAt)), cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<StoredBase>> ListBasesAsync(CancellationToken cancellationToken = default)
    {
        var documents = await Collection(MongoCollections.Bases).Find(Filter.Empty)
            .Sort(Builders<BsonDocument>.Sort.Ascending("isRemoved").Ascending("name").Ascending("_id")).ToListAsync(cancellationToken);
        return documents.Select(MongoSchemaDocuments.ReadBase).ToList();
    }

    public async Task<StoredBase?> GetBaseAsync(string baseId, CancellationToken cancellationToken = default)
    {
        var document = await Collection(MongoCollections.Bases).Find(ById(baseId)).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : MongoSchemaDocuments.ReadBase(document);
    }

    public async Task<IReadOnlyList<StoredTable>> ListTablesAsync(string baseId, CancellationToken cancellationToken = default)
    {
        var documents = await Collection(MongoCollections.Tables).Find(Filter.Eq("baseId", baseId))
            .Sort(Builders<BsonDocument>.Sort.Ascending("isRemoved").Ascending("position").Ascending("tableId")).ToListAsync(cancellationToken);
        return documents.Select(MongoSchemaDocuments.ReadTable).ToList();
    }

    public async Task<StoredTable?> GetTableAsync(string baseId, string tableId, CancellationToken cancellationToken = default)
    {
        var document = await Collection(MongoCollections.Tables).Find(ById(MongoSchemaDocuments.TableKey(baseId, tableId))).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : MongoSchemaDocuments.ReadTable(document);
    }
}
