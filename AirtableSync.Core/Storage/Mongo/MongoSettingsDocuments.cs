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

    public static StoredConnection ReadConnection(BsonDocument d) => new(
        d["_id"].AsString, Enum.Parse<ConnectionKind>(d["kind"].AsString), Enum.Parse<ConnectionStatus>(d["status"].AsString),
        d["protectedSecret"].AsString, d.GetNullableString("secretHint"), d.GetNullableString("airtableUserId"), d.GetNullableString("email"),
        d["scopes"].AsBsonArray.Select(s => s.AsString).ToList(), d.GetNullableDate("secretExpiresAt"), d.GetNullableDate("validatedAt"),
        d.GetNullableString("statusMessage"), d.GetDate("createdAt"), d.GetDate("updatedAt"));

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
