using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

// ISyncStore on MongoDB. Documents are BsonDocuments built by small static
// builders (Mongo*Documents) so their BSON can be checked without a server; the shared contract suite proves
// the behaviour wherever a MongoDB is reachable (AIRTABLESYNC_TEST_MONGODB_URI).
public sealed partial class MongoSyncStore(IMongoClient client, string databaseName, ILogger<MongoSyncStore> logger) : ISyncStore
{
    private readonly IMongoDatabase _database = client.GetDatabase(databaseName);

    private IMongoCollection<BsonDocument> Collection(string name) => _database.GetCollection<BsonDocument>(name);

    private IMongoCollection<BsonDocument> Records => Collection(MongoCollections.Records);

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (collection, indexes) in MongoIndexes.All)
        {
            await Collection(collection).Indexes.CreateManyAsync(indexes, cancellationToken);
        }
        logger.LogInformation("MongoDB store ready in database {Database}", databaseName);
    }

    private static FilterDefinition<BsonDocument> ById(string id) => Builders<BsonDocument>.Filter.Eq("_id", id);

    private static ReplaceOptions Upsert { get; } = new() { IsUpsert = true };
}
