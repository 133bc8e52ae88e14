using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

public sealed partial class MongoSyncStore
{
    private IMongoCollection<BsonDocument> Connections => Collection(MongoCollections.Connections);
    private IMongoCollection<BsonDocument> Checkpoints => Collection(MongoCollections.Checkpoints);

    public Task SaveConnectionAsync(StoredConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connection.Id, nameof(connection));
        return Connections.ReplaceOneAsync(ById(connection.Id), MongoSettingsDocuments.Connection(connection), Upsert, cancellationToken);
    }

    public async Task<StoredConnection?> GetConnectionAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        var document = await Connections.Find(ById(connectionId)).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : MongoSettingsDocuments.ReadConnection(document);
    }

    public async Task<IReadOnlyList<StoredConnection>> ListConnectionsAsync(CancellationToken cancellationToken = default)
    {
        var documents = await Connections.Find(Filter.Empty).Sort(Builders<BsonDocument>.Sort.Ascending("createdAt").Ascending("_id")).ToListAsync(cancellationToken);
        return documents.Select(MongoSettingsDocuments.ReadConnection).ToList();
    }

    public Task DeleteConnectionAsync(string connectionId, CancellationToken cancellationToken = default) =>
        Connections.DeleteOneAsync(ById(connectionId), cancellationToken);

    public Task SaveCheckpointAsync(string scope, string key, string valueJson, DateTimeOffset updatedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(valueJson);
        return Checkpoints.ReplaceOneAsync(MongoSettingsDocuments.CheckpointKey(scope, key),
            MongoSettingsDocuments.Checkpoint(scope, key, valueJson, updatedAt), Upsert, cancellationToken);
    }

    public async Task<string?> GetCheckpointAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        var document = await Checkpoints.Find(MongoSettingsDocuments.CheckpointKey(scope, key)).FirstOrDefaultAsync(cancellationToken);
        return document?["valueJson"].AsString;
    }

    public async Task<IReadOnlyDictionary<string, string>> ListCheckpointsAsync(string scope, CancellationToken cancellationToken = default)
    {
        var documents = await Checkpoints.Find(Filter.Eq("scope", scope)).ToListAsync(cancellationToken);
        return documents.ToDictionary(d => d["key"].AsString, d => d["valueJson"].AsString, StringComparer.Ordinal);
    }

    public Task DeleteCheckpointsAsync(string scope, CancellationToken cancellationToken = default) =>
        Checkpoints.DeleteManyAsync(Filter.Eq("scope", scope), cancellationToken);

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        Task<long> CountAsync(string collection, FilterDefinition<BsonDocument> filter) =>
            Collection(collection).CountDocumentsAsync(filter, cancellationToken: cancellationToken);
        var bases = await CountAsync(MongoCollections.Bases, Filter.Eq("isRemoved", false));
        var tables = await CountAsync(MongoCollections.Tables, Filter.Eq("isRemoved", false));
        var live = await CountAsync(MongoCollections.Records, Filter.Eq("deleted", false));
        var deleted = await CountAsync(MongoCollections.Records, Filter.Eq("deleted", true));
        var events = await CountAsync(MongoCollections.Revisions, Filter.Empty);
        return new StoreStatistics((int)bases, (int)tables, live, deleted, events);
    }
}
