using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

// Documents of the bases and tables collections. A table's _id is "baseId/tableId".
internal static class MongoSchemaDocuments
{
    public static string TableKey(string baseId, string tableId) => $"{baseId}/{tableId}";

    public static UpdateOneModel<BsonDocument> SeeBase(BaseInfo info, DateTimeOffset seenAt) => new(
        Builders<BsonDocument>.Filter.Eq("_id", info.Id),
        Builders<BsonDocument>.Update
            .Set("name", info.Name).Set("permissionLevel", info.PermissionLevel).Set("isRemoved", false)
            .Set("lastSeenAt", MongoValues.Date(seenAt))
            .SetOnInsert("firstSeenAt", MongoValues.Date(seenAt)).SetOnInsert("lastSyncedAt", BsonNull.Value))
    { IsUpsert = true };

    public static BsonDocument Table(string baseId, TableSchema table, int position, IReadOnlyList<FieldSchema> fields, DateTimeOffset syncedAt) => new()
    {
        ["_id"] = TableKey(baseId, table.Id),
        ["baseId"] = baseId,
        ["tableId"] = table.Id,
        ["position"] = position,
        ["name"] = table.Name,
        ["primaryFieldId"] = table.PrimaryFieldId,
        ["description"] = MongoValues.Text(table.Description),
        ["fields"] = MongoValues.Structured(fields),
        ["views"] = MongoValues.Structured(table.Views),
        ["isRemoved"] = false,
        ["updatedAt"] = MongoValues.Date(syncedAt),
    };

    public static StoredBase ReadBase(BsonDocument d) => new(
        d["_id"].AsString, d["name"].AsString, d["permissionLevel"].AsString, d["isRemoved"].AsBoolean,
        d.GetDate("firstSeenAt"), d.GetDate("lastSeenAt"), d.GetNullableDate("lastSyncedAt"));

    public static StoredTable ReadTable(BsonDocument d) => new(
        d["baseId"].AsString, d["tableId"].AsString, d["name"].AsString, d["primaryFieldId"].AsString, d.GetNullableString("description"),
        MongoValues.FromStructured<List<FieldSchema>>(d["fields"]), MongoValues.FromStructured<List<ViewSchema>>(d["views"]),
        d["isRemoved"].AsBoolean, d.GetDate("updatedAt"));
}
