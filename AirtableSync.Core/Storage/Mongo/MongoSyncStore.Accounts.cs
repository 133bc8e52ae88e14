using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

public sealed partial class MongoSyncStore
{
    private IMongoCollection<BsonDocument> Users => Collection(MongoCollections.Users);
    private IMongoCollection<BsonDocument> ApiKeys => Collection(MongoCollections.ApiKeys);

    public async Task<UserCreation> CreateUserAsync(AppUser user, bool onlyIfNoUsers, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(user.Id, nameof(user));
        ArgumentException.ThrowIfNullOrEmpty(user.NormalizedUserName, nameof(user));
        // Without a transaction two racing first-run setups could both pass this check; the setup page is reachable
        // only while no user exists and the unique name index still stops duplicates, so the window is a few ms wide.
        if (onlyIfNoUsers && await AnyUsersAsync(cancellationToken))
        {
            return UserCreation.NotFirstUser;
        }
        try
        {
            await Users.InsertOneAsync(MongoAccountDocuments.User(user), cancellationToken: cancellationToken);
            return UserCreation.Created;
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return UserCreation.NameTaken;
        }
    }

    public async Task<bool> AnyUsersAsync(CancellationToken cancellationToken = default) =>
        await Users.Find(Filter.Empty).Limit(1).AnyAsync(cancellationToken);

    public async Task<AppUser?> GetUserAsync(string userId, CancellationToken cancellationToken = default) =>
        await FindUserAsync(ById(userId), cancellationToken);

    public async Task<AppUser?> FindUserByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default) =>
        await FindUserAsync(Filter.Eq("normalizedUserName", normalizedUserName), cancellationToken);

    public async Task<IReadOnlyList<AppUser>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        var documents = await Users.Find(Filter.Empty).Sort(Builders<BsonDocument>.Sort.Ascending("normalizedUserName")).ToListAsync(cancellationToken);
        return documents.Select(MongoAccountDocuments.ReadUser).ToList();
    }

    public async Task SaveUserAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        var result = await Users.ReplaceOneAsync(ById(user.Id), MongoAccountDocuments.User(user), cancellationToken: cancellationToken);
        if (result.MatchedCount == 0)
        {
            throw new KeyNotFoundException($"No user {user.Id}.");
        }
    }

    public async Task<AppUser?> RecordFailedSignInAsync(string userId, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken = default)
    {
        // One pipeline update, so concurrent bad passwords are all counted.
        var reached = new BsonDocument("$gte", new BsonArray { new BsonDocument("$add", new BsonArray { "$failedSignIns", 1 }), maxFailures });
        var update = new PipelineUpdateDefinition<BsonDocument>(new BsonDocument[]
        {
            new("$set", new BsonDocument
            {
                ["lockedUntil"] = new BsonDocument("$cond", new BsonArray { reached, MongoValues.Date(lockUntil), "$lockedUntil" }),
                ["failedSignIns"] = new BsonDocument("$cond", new BsonArray { reached, 0, new BsonDocument("$add", new BsonArray { "$failedSignIns", 1 }) }),
            }),
        });
        var document = await Users.FindOneAndUpdateAsync(ById(userId), update,
            new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After }, cancellationToken);
        return document is null ? null : MongoAccountDocuments.ReadUser(document);
    }

    public Task RecordSignInAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Users.UpdateOneAsync(ById(userId), Builders<BsonDocument>.Update
            .Set("failedSignIns", 0).Set("lockedUntil", BsonNull.Value).Set("lastSignInAt", MongoValues.Date(at)), cancellationToken: cancellationToken);

    public Task SaveApiKeyAsync(StoredApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key.Id, nameof(key));
        ArgumentException.ThrowIfNullOrEmpty(key.KeyHash, nameof(key));
        return ApiKeys.InsertOneAsync(MongoAccountDocuments.ApiKey(key), cancellationToken: cancellationToken);
    }

    public async Task<StoredApiKey?> FindApiKeyByHashAsync(string keyHash, CancellationToken cancellationToken = default)
    {
        var document = await ApiKeys.Find(Filter.Eq("keyHash", keyHash) & Filter.Eq("revokedAt", BsonNull.Value)).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : MongoAccountDocuments.ReadApiKey(document);
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default)
    {
        var documents = await ApiKeys.Find(Filter.Empty).Sort(Builders<BsonDocument>.Sort.Descending("createdAt").Ascending("_id")).ToListAsync(cancellationToken);
        return documents.Select(MongoAccountDocuments.ReadApiKey).ToList();
    }

    public async Task<bool> RevokeApiKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var result = await ApiKeys.UpdateOneAsync(ById(keyId) & Filter.Eq("revokedAt", BsonNull.Value),
            Builders<BsonDocument>.Update.Set("revokedAt", MongoValues.Date(at)), cancellationToken: cancellationToken);
        return result.ModifiedCount == 1;
    }

    public Task MarkApiKeyUsedAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ApiKeys.UpdateOneAsync(ById(keyId), Builders<BsonDocument>.Update.Set("lastUsedAt", MongoValues.Date(at)), cancellationToken: cancellationToken);

    private async Task<AppUser?> FindUserAsync(FilterDefinition<BsonDocument> filter, CancellationToken cancellationToken)
    {
        var document = await Users.Find(filter).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : MongoAccountDocuments.ReadUser(document);
    }
}
