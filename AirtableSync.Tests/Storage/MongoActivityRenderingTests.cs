using AirtableSync.Storage;
using AirtableSync.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace AirtableSync.Tests.Storage;

/// <summary>The activity feed's MongoDB filter, order, documents and indexes, rendered by the driver (no server needed).</summary>
public sealed class MongoActivityRenderingTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly RenderArgs<BsonDocument> Args = new(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry);

    [Fact]
    public void EventDocumentsCarryTheFeedsActorKindAndLowerCasedSearchText()
    {
        var model = MongoHistoryDocuments.Event(new RevisionEvent
        {
            RecordId = "rec1", BaseId = "appB", TableId = "tblT", ActivityId = "act1", FieldId = "fldS", FieldName = "Status",
            Kind = RevisionEventKind.Status, OldValues = ["Todo"], NewValues = ["ÜBER Done"], ChangedAt = At, ActorId = "usrA",
        });

        var document = model.Replacement;

        Assert.Equal("usrA", document["actorId"].AsString);
        Assert.Equal("Status", document["kind"].AsString);
        Assert.Equal("status\ntodo\nüber done", document["searchText"].AsString);
    }

    [Fact]
    public void FeedFilterNarrowsByEveryFieldAndStepsPastTheCursorsTies()
    {
        var query = new ActivityQuery("appB", "tblT", "fldS", "usrA", RevisionEventKind.Assignee, At, At.AddDays(1), "A.B");
        var after = new ActivityCursor.Position(At.ToUnixTimeMilliseconds(), "rec5", "act5", "fld5");

        var filter = MongoActivityDocuments.Matching(query, after).Render(Args);

        var at = new BsonDateTime(At.ToUnixTimeMilliseconds());
        Assert.Equal("appB", filter["baseId"].AsString);
        Assert.Equal("tblT", filter["tableId"].AsString);
        Assert.Equal("fldS", filter["fieldId"].AsString);
        Assert.Equal("usrA", filter["actorId"].AsString);
        Assert.Equal("Assignee", filter["kind"].AsString);
        Assert.Equal(new BsonRegularExpression(@"a\.b"), filter["searchText"].AsBsonRegularExpression);
        var json = filter.ToJson();
        Assert.Contains("\"$gte\"", json, StringComparison.Ordinal);
        Assert.Contains("\"$lt\"", json, StringComparison.Ordinal);
        Assert.Contains("\"$or\"", json, StringComparison.Ordinal);
        Assert.Equal(4, filter["$or"].AsBsonArray.Count);
        Assert.Equal(new BsonDocument { ["changedAt"] = at, ["recordId"] = "rec5", ["activityId"] = "act5", ["fieldId"] = new BsonDocument("$lt", "fld5") },
            filter["$or"].AsBsonArray[3].AsBsonDocument);
    }

    [Fact]
    public void FeedOrderMatchesTheFeedIndexes()
    {
        var order = MongoActivityDocuments.FeedOrder.Render(Args);
        var indexes = MongoIndexes.All[MongoCollections.Revisions].Select(i => i.Keys.Render(Args)).ToList();

        Assert.Equal(new BsonDocument { ["changedAt"] = -1, ["recordId"] = -1, ["activityId"] = -1, ["fieldId"] = -1 }, order);
        Assert.Contains(indexes, keys => keys == new BsonDocument { ["baseId"] = 1 }.AddRange(order));
        Assert.Contains(indexes, keys => keys == new BsonDocument { ["tableId"] = 1 }.AddRange(order));
    }
}
