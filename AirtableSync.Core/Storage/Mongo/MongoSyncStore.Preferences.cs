using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

public sealed partial class MongoSyncStore
{
    private IMongoCollection<BsonDocument> Preferences => Collection(MongoCollections.UserPreferences);

    public async Task<UserPreferences?> GetUserPreferencesAsync(string userKey, CancellationToken cancellationToken = default)
    {
        var document = await Preferences.Find(ById(userKey)).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : MongoAccountDocuments.ReadPreferences(document);
    }

    public Task SaveUserPreferencesAsync(string userKey, UserPreferences preferences, DateTimeOffset updatedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        ArgumentNullException.ThrowIfNull(preferences);
        return Preferences.ReplaceOneAsync(ById(userKey), MongoAccountDocuments.Preferences(userKey, preferences, updatedAt), Upsert, cancellationToken);
    }
}
