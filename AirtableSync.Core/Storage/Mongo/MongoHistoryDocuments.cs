using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

// Documents of revisions and comments. An event's body is kept as a sub-document for readability.
internal static class MongoHistoryDocuments
{
    public static FilterDefinition<BsonDocument> EventKey(RevisionEvent e) =>
        Builders<BsonDocument>.Filter.Eq("recordId", e.RecordId) & Builders<BsonDocument>.Filter.Eq("activityId", e.ActivityId)
        & Builders<BsonDocument>.Filter.Eq("fieldId", e.FieldId);

    // Replaces the event with the same key (a re-parse) or inserts it; the unique index keeps one per key.
    public static ReplaceOneModel<BsonDocument> Event(RevisionEvent e) => new(EventKey(e), new BsonDocument
    {
        ["recordId"] = e.RecordId,
        ["activityId"] = e.ActivityId,
        ["fieldId"] = e.FieldId,
        ["baseId"] = e.BaseId,
        ["tableId"] = e.TableId,
        ["changedAt"] = MongoValues.Date(e.ChangedAt),
        // Top-level copies the activity feed filters on (MongoActivityDocuments); the event itself stays the source.
        ["actorId"] = MongoValues.Text(e.ActorId),
        ["kind"] = e.Kind.ToString(),
        ["searchText"] = RevisionSearchText.Of(e),
        ["event"] = MongoValues.Structured(e with { ChangedAt = StoredTime.Truncate(e.ChangedAt) }),
    })
    { IsUpsert = true };

    public static SortDefinition<BsonDocument> NewestFirst { get; } =
        Builders<BsonDocument>.Sort.Descending("changedAt").Descending("activityId").Ascending("fieldId");

    public static ReplaceOneModel<BsonDocument> Comment(RecordComment c) => new(
        Builders<BsonDocument>.Filter.Eq("_id", $"{c.RecordId}/{c.CommentId}"),
        new BsonDocument
        {
            ["_id"] = $"{c.RecordId}/{c.CommentId}",
            ["recordId"] = c.RecordId,
            ["commentId"] = c.CommentId,
            ["authorId"] = MongoValues.Text(c.AuthorId),
            ["authorName"] = MongoValues.Text(c.AuthorName),
            ["text"] = c.Text,
            ["createdAt"] = MongoValues.Date(c.CreatedAt),
        })
    { IsUpsert = true };

    public static RecordComment ReadComment(BsonDocument d) => new(
        d["recordId"].AsString, d["commentId"].AsString, d.GetNullableString("authorId"), d.GetNullableString("authorName"),
        d["text"].AsString, d.GetDate("createdAt"));
}
