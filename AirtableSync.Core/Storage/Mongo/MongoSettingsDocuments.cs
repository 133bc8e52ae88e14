using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

// Documents of connections (secret stored exactly as given: it is already Data-Protection encrypted) and checkpoints.
internal static class MongoSettingsDocuments
{
    public static BsonDocument Connection(StoredConnection c) => new()
    {
        ["_id"] = c.Id,
        ["kind"] = c.Kind.ToString(),
        ["status"] = c.Status.ToString(),
        ["protectedSecret"] = c.ProtectedSecret,
        ["secretHint"] = MongoValues.Text(c.SecretHint),
        ["airtableUserId"] = MongoValues.Text(c.AirtableUserId),
        ["email"] = MongoValues.Text(c.Email),
        ["scopes"] = new BsonArray(c.Scopes),
        ["secretExpiresAt"] = MongoValues.Date(c.SecretExpiresAt),
        ["validatedAt"] = MongoValues.Date(c.ValidatedAt),
        ["statusMessage"] = MongoValues.Text(c.StatusMessage),
        ["createdAt"] = MongoValues.Date(c.CreatedAt),
        ["updatedAt"] = MongoValues.Date(c.UpdatedAt),
    };

    public static StoredConnection ReadConnection(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        Kind = Enum.Parse<ConnectionKind>(d["kind"].AsString),
        Status = Enum.Parse<ConnectionStatus>(d["status"].AsString),
        ProtectedSecret = d["protectedSecret"].AsString,
        SecretHint = d.GetNullableString("secretHint"),
        AirtableUserId = d.GetNullableString("airtableUserId"),
        Email = d.GetNullableString("email"),
        Scopes = d["scopes"].AsBsonArray.Select(s => s.AsString).ToList(),
        SecretExpiresAt = d.GetNullableDate("secretExpiresAt"),
        ValidatedAt = d.GetNullableDate("validatedAt"),
        StatusMessage = d.GetNullableString("statusMessage"),
        CreatedAt = d.GetDate("createdAt"),
        UpdatedAt = d.GetDate("updatedAt"),
    };

    public static FilterDefinition<BsonDocument> CheckpointKey(string scope, string key) =>
        Builders<BsonDocument>.Filter.Eq("scope", scope) & Builders<BsonDocument>.Filter.Eq("key", key);

    public static BsonDocument Checkpoint(string scope, string key, string valueJson, DateTimeOffset updatedAt) => new()
    {
        ["scope"] = scope,
        ["key"] = key,
        ["valueJson"] = valueJson,
        ["updatedAt"] = MongoValues.Date(updatedAt),
    };
}
