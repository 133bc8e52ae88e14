using System.Text;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

// The record collection's filters, updates and write models, kept as small static builders so tests can
// render them to BSON without a server. A record keeps its cells twice: fieldsJson, the raw text
// returned byte-for-byte (a BSON document would normalise numbers and key order), and fields, parsed,
// only for sorting by a cell.
internal static class MongoRecordDocuments
{
    private static FilterDefinitionBuilder<BsonDocument> Filter => Builders<BsonDocument>.Filter;
    private static UpdateDefinitionBuilder<BsonDocument> Update => Builders<BsonDocument>.Update;

    public static FilterDefinition<BsonDocument> ByIds(IEnumerable<string> ids) => Filter.In("_id", ids);

    // New or changed cells, or a tombstone coming back: everything but firstSeenAt is (re)written.
    public static UpdateOneModel<BsonDocument> Write(string baseId, string tableId, RecordContent content, DateTimeOffset seenAt)
    {
        var seen = MongoValues.Date(seenAt);
        var update = Update
            .Set("baseId", baseId).Set("tableId", tableId)
            .Set("createdTime", MongoValues.Date(content.Record.CreatedTime))
            .Set("deleted", false).Set("deletedAt", BsonNull.Value)
            .Set("contentHash", content.Hash)
            .Set("lastSeenAt", seen).Set("updatedAt", seen)
            .Set("searchText", content.SearchText)
            .Set("fieldsJson", content.Record.FieldsJson)
            .Set("fields", MongoValues.DocumentFromJson(content.Record.FieldsJson))
            .SetOnInsert("firstSeenAt", seen)
            .SetOnInsert("revisionsFetchedAt", BsonNull.Value);
        return new UpdateOneModel<BsonDocument>(Filter.Eq("_id", content.Record.Id), update) { IsUpsert = true };
    }

    // Unchanged records of a page: one update that only moves lastSeenAt.
    public static UpdateManyModel<BsonDocument> Touch(IReadOnlyCollection<string> ids, DateTimeOffset seenAt) =>
        new(ByIds(ids), Update.Set("lastSeenAt", MongoValues.Date(seenAt)));

    public static FilterDefinition<BsonDocument> NotSeenSince(string baseId, string tableId, DateTimeOffset scanStartedAt) =>
        Filter.Eq("baseId", baseId) & Filter.Eq("tableId", tableId) & Filter.Eq("deleted", false)
        & Filter.Lt("lastSeenAt", MongoValues.Date(scanStartedAt));

    public static UpdateDefinition<BsonDocument> Tombstone(DateTimeOffset deletedAt) =>
        Update.Set("deleted", true).Set("deletedAt", MongoValues.Date(deletedAt));

    public static FilterDefinition<BsonDocument> Page(RecordQuery query, string? search)
    {
        var filter = Filter.Eq("baseId", query.BaseId) & Filter.Eq("tableId", query.TableId);
        if (!query.IncludeDeleted)
        {
            filter &= Filter.Eq("deleted", false);
        }
        if (search is not null)
        {
            // searchText and the term are both lower-cased already, so no case-insensitive flag is needed.
            filter &= Filter.Regex("searchText", new BsonRegularExpression(EscapeRegex(search)));
        }
        return filter;
    }

    // Without a sort field: created time, then id, so pages never overlap (and the page index serves it).
    public static SortDefinition<BsonDocument> Order(RecordQuery query)
    {
        var sort = Builders<BsonDocument>.Sort;
        return query.SortDirection == Model.SortDirection.Descending
            ? sort.Descending("createdTime").Descending("_id")
            : sort.Ascending("createdTime").Ascending("_id");
    }

    // Sorted by a cell, with RecordSort's rules (the same keys as SqliteSyncStore.Order): a find cannot sort by a
    // computed value (blank flag, option position), so the page is an aggregation with the keys added, sorted on,
    // then dropped again with the parsed cells.
    public static PipelineDefinition<BsonDocument, BsonDocument> SortedPage(FilterDefinition<BsonDocument> filter, RecordSort sort, int skip, int take)
    {
        var direction = sort.Descending ? -1 : 1;
        var cell = $"$fields.{sort.FieldId}";
        var computed = new BsonDocument();
        var keys = new BsonDocument();
        switch (sort.Kind)
        {
            case RecordSortKind.Checkbox:
                computed[SortValue] = new BsonDocument("$ifNull", new BsonArray { cell, false });
                keys[SortValue] = direction;
                break;
            case RecordSortKind.ChoiceOrder:
                var first = new BsonDocument("$cond", new BsonArray { new BsonDocument("$isArray", cell), new BsonDocument("$arrayElemAt", new BsonArray { cell, 0 }), cell });
                // $literal: a choice named "$x" must stay a name, not become a field path.
                var position = new BsonDocument("$indexOfArray", new BsonArray { new BsonDocument("$literal", new BsonArray(sort.Choices)), first });
                computed[SortBlank] = Blank(cell);
                computed[SortRank] = new BsonDocument("$let", new BsonDocument
                {
                    ["vars"] = new BsonDocument("position", position),
                    ["in"] = new BsonDocument("$cond", new BsonArray { new BsonDocument("$lt", new BsonArray { "$$position", 0 }), sort.Choices.Count, "$$position" }),
                });
                computed[SortValue] = first;
                keys[SortBlank] = 1;
                keys[SortRank] = direction;
                keys[SortValue] = direction;
                break;
            default:
                computed[SortBlank] = Blank(cell);
                keys[SortBlank] = 1;
                keys[$"fields.{sort.FieldId}"] = direction;
                break;
        }
        keys["createdTime"] = direction;
        keys["_id"] = direction;
        var withoutKeys = new BsonDocument { ["fields"] = 0 };
        foreach (var name in computed.Names)
        {
            withoutKeys[name] = 0;
        }
        return new EmptyPipelineDefinition<BsonDocument>()
            .Match(filter)
            .AppendStage<BsonDocument, BsonDocument, BsonDocument>(new BsonDocument("$addFields", computed))
            .AppendStage<BsonDocument, BsonDocument, BsonDocument>(new BsonDocument("$sort", keys))
            .Skip(skip)
            .Limit(take)
            .AppendStage<BsonDocument, BsonDocument, BsonDocument>(new BsonDocument("$project", withoutKeys));
    }

    private const string SortBlank = "_sortBlank";
    private const string SortRank = "_sortRank";
    private const string SortValue = "_sortValue";

    // Absent, null, "" and [] are blank: 1 sorts them after every value in both directions.
    private static BsonDocument Blank(string cell) => new("$cond", new BsonArray
    {
        new BsonDocument("$or", new BsonArray
        {
            new BsonDocument("$eq", new BsonArray { new BsonDocument("$ifNull", new BsonArray { cell, BsonNull.Value }), BsonNull.Value }),
            new BsonDocument("$eq", new BsonArray { cell, "" }),
            new BsonDocument("$eq", new BsonArray { cell, new BsonDocument("$literal", new BsonArray()) }),
        }),
        1,
        0,
    });

    public static FilterDefinition<BsonDocument> NeedingRevisions(string baseId, string tableId) =>
        Filter.Eq("baseId", baseId) & Filter.Eq("tableId", tableId) & Filter.Eq("deleted", false)
        & Filter.Or(
            Filter.Eq("revisionsFetchedAt", BsonNull.Value),
            new BsonDocumentFilterDefinition<BsonDocument>(new BsonDocument("$expr", new BsonDocument("$lt", new BsonArray { "$revisionsFetchedAt", "$updatedAt" }))));

    private static string EscapeRegex(string text)
    {
        var escaped = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if ("\\^$.|?*+()[]{}".Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    public static StoredRecord Read(BsonDocument d) => new()
    {
        BaseId = d["baseId"].AsString,
        TableId = d["tableId"].AsString,
        Id = d["_id"].AsString,
        CreatedTime = d.GetDate("createdTime"),
        FieldsJson = d["fieldsJson"].AsString,
        FirstSeenAt = d.GetDate("firstSeenAt"),
        LastSeenAt = d.GetDate("lastSeenAt"),
        UpdatedAt = d.GetDate("updatedAt"),
        DeletedAt = d.GetNullableDate("deletedAt"),
        RevisionsFetchedAt = d.GetNullableDate("revisionsFetchedAt"),
    };

    // Everything but the parsed fields copy, which readers never need.
    public static ProjectionDefinition<BsonDocument> WithoutParsedFields { get; } = Builders<BsonDocument>.Projection.Exclude("fields");
}
