using System.Text.RegularExpressions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

// The activity feed's filter and order over the revisions collection's top-level fields (MongoHistoryDocuments.Event).
internal static class MongoActivityDocuments
{
    private static FilterDefinitionBuilder<BsonDocument> Filter => Builders<BsonDocument>.Filter;

    public static SortDefinition<BsonDocument> FeedOrder { get; } = Builders<BsonDocument>.Sort
        .Descending("changedAt").Descending("recordId").Descending("activityId").Descending("fieldId");

    public static FilterDefinition<BsonDocument> Matching(ActivityQuery query, ActivityCursor.Position? after)
    {
        var filter = Filter.Eq("baseId", query.BaseId);
        if (query.TableId is { } table)
        {
            filter &= Filter.Eq("tableId", table);
        }
        if (query.FieldId is { } field)
        {
            filter &= Filter.Eq("fieldId", field);
        }
        if (query.Actor is { } actor)
        {
            filter &= Filter.Eq("actorId", actor);
        }
        if (query.Kind is { } kind)
        {
            filter &= Filter.Eq("kind", kind.ToString());
        }
        if (query.From is { } from)
        {
            filter &= Filter.Gte("changedAt", MongoValues.Date(from));
        }
        if (query.To is { } to)
        {
            filter &= Filter.Lt("changedAt", MongoValues.Date(to));
        }
        if (!string.IsNullOrEmpty(query.Search))
        {
            // searchText is lower-cased (RevisionSearchText), so an escaped, lower-cased needle is a case-insensitive substring.
            filter &= Filter.Regex("searchText", new BsonRegularExpression(Regex.Escape(query.Search.ToLowerInvariant())));
        }
        if (after is { } position)
        {
            filter &= After(position);
        }
        return filter;
    }

    // (changedAt, recordId, activityId, fieldId) < position, spelled out: MongoDB has no row-value comparison. The first
    // term bounds the index range; the $or steps past the ties of that millisecond.
    private static FilterDefinition<BsonDocument> After(ActivityCursor.Position position)
    {
        var at = new BsonDateTime(position.ChangedAtMilliseconds);
        return Filter.Lte("changedAt", at) & Filter.Or(
            Filter.Lt("changedAt", at),
            Filter.Eq("changedAt", at) & Filter.Lt("recordId", position.RecordId),
            Filter.Eq("changedAt", at) & Filter.Eq("recordId", position.RecordId) & Filter.Lt("activityId", position.ActivityId),
            Filter.Eq("changedAt", at) & Filter.Eq("recordId", position.RecordId) & Filter.Eq("activityId", position.ActivityId)
                & Filter.Lt("fieldId", position.FieldId));
    }

    // One row per person: their latest name and email (the last event in time order) and how many events.
    public static BsonDocument[] ActorsPipeline(string baseId, string? tableId)
    {
        var match = new BsonDocument { ["baseId"] = baseId, ["actorId"] = new BsonDocument { ["$nin"] = new BsonArray { BsonNull.Value, "" } } };
        if (tableId is not null)
        {
            match["tableId"] = tableId;
        }
        return
        [
            new BsonDocument("$match", match),
            new BsonDocument("$sort", new BsonDocument("changedAt", 1)),
            new BsonDocument("$group", new BsonDocument
            {
                ["_id"] = "$actorId",
                ["name"] = new BsonDocument("$last", "$event.actorName"),
                ["email"] = new BsonDocument("$last", "$event.actorEmail"),
                ["count"] = new BsonDocument("$sum", 1),
            }),
        ];
    }

    public static ActivityActor ReadActor(BsonDocument d) => new(
        d["_id"].AsString, d.GetNullableString("name"), d.GetNullableString("email"), d["count"].ToInt32());
}
