using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

public sealed partial class MongoSyncStore
{
    private IMongoCollection<BsonDocument> Preferences => Collection(MongoCollections.UserPreferences);
    private IMongoCollection<BsonDocument> GridLayouts => Collection(MongoCollections.GridLayouts);

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

    public async Task<GridLayout?> GetGridLayoutAsync(string userKey, string baseId, string tableId, CancellationToken cancellationToken = default)
    {
        var document = await GridLayouts.Find(ById(MongoAccountDocuments.GridLayoutId(userKey, baseId, tableId))).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : MongoAccountDocuments.ReadGridLayout(document);
    }

    public Task SaveGridLayoutAsync(string userKey, string baseId, string tableId, GridLayout? layout, DateTimeOffset updatedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        ArgumentException.ThrowIfNullOrEmpty(baseId);
        ArgumentException.ThrowIfNullOrEmpty(tableId);
        var id = ById(MongoAccountDocuments.GridLayoutId(userKey, baseId, tableId));
        return layout is null
            ? GridLayouts.DeleteOneAsync(id, cancellationToken)
            : GridLayouts.ReplaceOneAsync(id, MongoAccountDocuments.GridLayout(userKey, baseId, tableId, layout, updatedAt), Upsert, cancellationToken);
    }
}
