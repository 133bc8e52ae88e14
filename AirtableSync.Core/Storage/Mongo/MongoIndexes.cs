using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

// Every index the provider needs, per collection. CreateMany with identical definitions is a no-op, so start-up can always run it.
internal static class MongoIndexes
{
    private static IndexKeysDefinitionBuilder<BsonDocument> Keys => Builders<BsonDocument>.IndexKeys;

    public static IReadOnlyDictionary<string, IReadOnlyList<CreateIndexModel<BsonDocument>>> All { get; } =
        new Dictionary<string, IReadOnlyList<CreateIndexModel<BsonDocument>>>
        {
            // _id is the Airtable record id (globally unique, and what GetRecordAsync looks up), so the
            // "unique (baseId, tableId, recordId)" key is (baseId, tableId, _id).
            [MongoCollections.Records] =
            [
                Index(Keys.Ascending("baseId").Ascending("tableId").Ascending("_id"), "baseId_tableId_recordId", unique: true),
                Index(Keys.Ascending("baseId").Ascending("tableId").Ascending("deleted").Ascending("createdTime").Ascending("_id"), "page"),
                Index(Keys.Ascending("updatedAt"), "updatedAt"),
            ],
            [MongoCollections.Revisions] =
            [
                Index(Keys.Ascending("recordId").Ascending("activityId").Ascending("fieldId"), "recordId_activityId_fieldId", unique: true),
                Index(Keys.Ascending("recordId").Descending("changedAt"), "recordId_changedAt"),
                // The activity feed's order per base and per table (as SQLite's ix_revision_events_*_feed), so its pages
                // are read off the index, newest first, without an in-memory sort.
                Index(Keys.Ascending("baseId").Descending("changedAt").Descending("recordId").Descending("activityId").Descending("fieldId"), "baseId_feed"),
                Index(Keys.Ascending("tableId").Descending("changedAt").Descending("recordId").Descending("activityId").Descending("fieldId"), "tableId_feed"),
                // Analytics stream one field's changes of a table in record, time order (MongoAnalyticsDocuments).
                Index(Keys.Ascending("tableId").Ascending("fieldId").Ascending("recordId").Ascending("changedAt"), "tableId_fieldId_recordId_changedAt"),
            ],
            [MongoCollections.Comments] = [Index(Keys.Ascending("recordId").Ascending("createdAt"), "recordId_createdAt")],
            [MongoCollections.Tables] = [Index(Keys.Ascending("baseId").Ascending("position"), "baseId_position")],
            [MongoCollections.Jobs] = [Index(Keys.Descending("createdAt"), "createdAt"), Index(Keys.Ascending("status"), "status")],
            [MongoCollections.Checkpoints] = [Index(Keys.Ascending("scope").Ascending("key"), "scope_key", unique: true)],
            [MongoCollections.Users] = [Index(Keys.Ascending("normalizedUserName"), "normalizedUserName", unique: true)],
            [MongoCollections.ApiKeys] = [Index(Keys.Ascending("keyHash"), "keyHash", unique: true), Index(Keys.Descending("createdAt"), "createdAt")],
        };

    private static CreateIndexModel<BsonDocument> Index(IndexKeysDefinition<BsonDocument> keys, string name, bool unique = false) =>
        new(keys, new CreateIndexOptions { Name = name, Unique = unique });
}
