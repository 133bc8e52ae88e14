using System.Text;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

// The record collection's filters, updates and write models, kept as small static builders so tests can
// render them to BSON without a server. A record keeps its cells twice: fieldsJson, the raw text
// returned byte-for-byte (a BSON document would normalise numbers and key order), and fields, parsed,
// only for sorting and filtering by a cell.
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

    private static readonly bool[] DeletedOrNot = [false, true];

    public static FilterDefinition<BsonDocument> Page(RecordQuery query, string? search, IReadOnlyList<RecordCondition>? conditions = null)
    {
        var filter = Filter.Eq("baseId", query.BaseId) & Filter.Eq("tableId", query.TableId);
        // Both values named, not the field left out: the page index (baseId, tableId, deleted, createdTime, _id) then still
        // serves the order, merging its two runs, where without a term on deleted it could not.
        filter &= query.IncludeDeleted ? Filter.In("deleted", DeletedOrNot) : Filter.Eq("deleted", false);
        if (search is not null)
        {
            // searchText and the term are both lower-cased already, so no case-insensitive flag is needed.
            filter &= Filter.Regex("searchText", new BsonRegularExpression(EscapeRegex(search)));
        }
        foreach (var condition in conditions ?? [])
        {
            filter &= Condition(condition);
        }
        return filter;
    }

    // RecordCondition's rules over the parsed cells (SqliteRecordConditions builds the same for SQLite). Strings stay
    // BSON strings in `fields` (MongoValues.FromJson), so days and instants compare as text, as in SQLite; a query
    // on `fields.X` also looks into an array, which gives "any chosen option" and "any of the people" for free.
    public static FilterDefinition<BsonDocument> Condition(RecordCondition condition)
    {
        var path = $"fields.{condition.FieldId}";
        switch (condition)
        {
            case AnyValueCondition any:
                var match = any.Match == CellMatch.Name ? Filter.In(path, any.Values) : Filter.In($"{path}.id", any.Values);
                // $expr compares the cell itself: a plain {path: null} or {path: ""} would also match arrays holding one.
                var blank = new BsonDocumentFilterDefinition<BsonDocument>(new BsonDocument("$expr", IsBlank($"${path}")));
                return (any.Values.Count, any.IncludeBlank) switch
                {
                    (0, false) => Filter.In(path, Array.Empty<string>()), // $in: [] matches nothing
                    (0, true) => blank,
                    (_, true) => Filter.Or(match, blank),
                    _ => match,
                };
            case DayRangeCondition range:
                return Filter.Or(
                    Range(path, DayRangeCondition.DayPattern, range.FromDay, "$lte", range.ToDay),
                    Range(path, DayRangeCondition.InstantPattern, range.FromInstant, "$lt", range.BeforeInstant));
            default:
                throw new ArgumentException($"No MongoDB filter for a {condition.GetType().Name}.", nameof(condition));
        }

        // A string cell of the pattern's shape within the bounds; string bounds only ever compare with strings.
        static FilterDefinition<BsonDocument> Range(string path, string pattern, string? from, string upperOperator, string? to)
        {
            var operators = new BsonDocument("$regex", new BsonRegularExpression(pattern));
            if (from is not null)
            {
                operators["$gte"] = from;
            }
            if (to is not null)
            {
                operators[upperOperator] = to;
            }
            return new BsonDocumentFilterDefinition<BsonDocument>(new BsonDocument(path, operators));
        }
    }

    // The people of a collaborator field in live records, one document per person id: {_id, name, email, recordCount}.
    // A cell is one object or an array of them; a record naming someone twice counts once. Names and emails that
    // differ between records (a rename not yet re-synced everywhere) take the greatest, as SQLite's max() does.
    public static PipelineDefinition<BsonDocument, BsonDocument> People(string baseId, string tableId, string fieldId)
    {
        var cell = $"$fields.{fieldId}";
        static BsonDocument TextOrNull(string path) => new("$cond", new BsonArray
        {
            new BsonDocument("$eq", new BsonArray { new BsonDocument("$type", path), "string" }), path, BsonNull.Value,
        });
        return new EmptyPipelineDefinition<BsonDocument>()
            .Match(Filter.Eq("baseId", baseId) & Filter.Eq("tableId", tableId) & Filter.Eq("deleted", false))
            .AppendStage<BsonDocument, BsonDocument, BsonDocument>(new BsonDocument("$project", new BsonDocument("person",
                new BsonDocument("$cond", new BsonArray { new BsonDocument("$isArray", cell), cell, new BsonArray { cell } }))))
            .AppendStage<BsonDocument, BsonDocument, BsonDocument>(new BsonDocument("$unwind", "$person"))
            .AppendStage<BsonDocument, BsonDocument, BsonDocument>(new BsonDocument("$match", new BsonDocument
            {
                ["person"] = new BsonDocument("$type", "object"),
                ["person.id"] = new BsonDocument("$type", "string"),
            }))
            .AppendStage<BsonDocument, BsonDocument, BsonDocument>(new BsonDocument("$group", new BsonDocument
            {
                ["_id"] = new BsonDocument { ["person"] = "$person.id", ["record"] = "$_id" },
                ["name"] = new BsonDocument("$max", TextOrNull("$person.name")),
                ["email"] = new BsonDocument("$max", TextOrNull("$person.email")),
            }))
            .AppendStage<BsonDocument, BsonDocument, BsonDocument>(new BsonDocument("$group", new BsonDocument
            {
                ["_id"] = "$_id.person",
                ["name"] = new BsonDocument("$max", "$name"),
                ["email"] = new BsonDocument("$max", "$email"),
                ["recordCount"] = new BsonDocument("$sum", 1),
            }));
    }

    public static CellPerson ReadPerson(BsonDocument d) =>
        new(d["_id"].AsString, d.GetNullableString("name"), d.GetNullableString("email"), d["recordCount"].ToInt32());

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

    // A sort by a field's plain value (RecordSortKind.Value) as two finds in the same order, values then blanks, each
    // read off ValueSortIndex: the same records in the same order as SortedPage's, whose computed blank key no index
    // can hold. The order within each part is SortedPage's after its blank key.
    public static SortDefinition<BsonDocument> ValueOrder(RecordSort sort)
    {
        var keys = Builders<BsonDocument>.Sort;
        var cell = $"fields.{sort.FieldId}";
        return sort.Descending
            ? keys.Descending(cell).Descending("createdTime").Descending("_id")
            : keys.Ascending(cell).Ascending("createdTime").Ascending("_id");
    }

    // The records whose cell is blank (absent, null, "" or []), or not, by the same test as the sort's blank key.
    public static FilterDefinition<BsonDocument> CellIsBlank(string fieldId, bool blank)
    {
        var test = IsBlank($"$fields.{fieldId}");
        return new BsonDocumentFilterDefinition<BsonDocument>(new BsonDocument("$expr", blank ? test : new BsonDocument("$not", new BsonArray { test })));
    }

    // The index a sort by one field of one table reads (as SQLite's SqliteRecordOrder): made the first time the table is
    // sorted by the field (MongoSyncStore.EnsureSortIndexAsync), partial to the table so other tables' writes never pay
    // for it. Both directions walk it; the equality keys first, so a window with tombstones merges its two runs.
    public static CreateIndexModel<BsonDocument> ValueSortIndex(string tableId, string fieldId) => new(
        Builders<BsonDocument>.IndexKeys.Ascending("baseId").Ascending("deleted").Ascending($"fields.{fieldId}").Ascending("createdTime").Ascending("_id"),
        new CreateIndexOptions<BsonDocument> { Name = $"sort_{tableId}_{fieldId}", PartialFilterExpression = Filter.Eq("tableId", tableId) });

    private const string SortBlank = "_sortBlank";
    private const string SortRank = "_sortRank";
    private const string SortValue = "_sortValue";

    // Absent, null, "" and [] are blank: 1 sorts them after every value in both directions.
    private static BsonDocument Blank(string cell) => new("$cond", new BsonArray { IsBlank(cell), 1, 0 });

    private static BsonDocument IsBlank(string cell) => new("$or", new BsonArray
    {
        new BsonDocument("$eq", new BsonArray { new BsonDocument("$ifNull", new BsonArray { cell, BsonNull.Value }), BsonNull.Value }),
        new BsonDocument("$eq", new BsonArray { cell, "" }),
        new BsonDocument("$eq", new BsonArray { cell, new BsonDocument("$literal", new BsonArray()) }),
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
