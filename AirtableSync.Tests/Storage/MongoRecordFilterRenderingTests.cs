using AirtableSync.Storage;
using AirtableSync.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace AirtableSync.Tests.Storage;

/// <summary>
/// The filters the MongoDB provider sends for RecordQuery.Filters and ListPeopleAsync, rendered without a server
/// (the contract suite proves them where a MongoDB is reachable).
/// </summary>
public sealed class MongoRecordFilterRenderingTests
{
    private static readonly RenderArgs<BsonDocument> Args = new(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry);
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static readonly FieldSchema[] Fields =
    [
        new("fldStatus", "Status", "singleSelect", null, null),
        new("fldTags", "Tags", "multipleSelects", null, null),
        new("fldOwner", "Owner", "singleCollaborator", null, null),
        new("fldAt", "At", "dateTime", null, null),
    ];

    private static BsonDocument RenderPage(params RecordFilter[] filters)
    {
        var query = new RecordQuery("appBase", "tblTable", Filters: filters);
        return MongoRecordDocuments.Page(query, null, RecordCondition.For(query, Fields)).Render(Args);
    }

    private static BsonDocument Render(RecordCondition condition) => MongoRecordDocuments.Condition(condition).Render(Args);

    private static BsonDocument IsBlank(string cell) => new("$expr", new BsonDocument("$or", new BsonArray
    {
        new BsonDocument("$eq", new BsonArray { new BsonDocument("$ifNull", new BsonArray { cell, BsonNull.Value }), BsonNull.Value }),
        new BsonDocument("$eq", new BsonArray { cell, "" }),
        new BsonDocument("$eq", new BsonArray { cell, new BsonDocument("$literal", new BsonArray()) }),
    }));

    private static BsonDocument Shaped(string path, string pattern, BsonDocument bounds) =>
        new(path, new BsonDocument("$regex", new BsonRegularExpression(pattern)).AddRange(bounds));

    [Fact]
    public void OptionFiltersAreAnInOnTheParsedCellWhichAlsoLooksIntoAMultipleSelectsArray()
    {
        var page = RenderPage(new ValueFilter("fldStatus", ["Todo", "$Done"]), new ValueFilter("fldTags", ["Urgent"]));

        Assert.Equal(new BsonDocument
        {
            ["baseId"] = "appBase",
            ["tableId"] = "tblTable",
            ["deleted"] = false,
            ["fields.fldStatus"] = new BsonDocument("$in", new BsonArray { "Todo", "$Done" }),
            ["fields.fldTags"] = new BsonDocument("$in", new BsonArray { "Urgent" }),
        }, page);
    }

    [Fact]
    public void PersonFiltersMatchTheIdInsideTheCellAndBlanksComparedAsAWholeCell()
    {
        // {cell: null} or {cell: ""} would also match an array holding null or "": $expr compares the cell itself.
        var page = RenderPage(new ValueFilter("fldOwner", ["usrAda"], IncludeBlank: true));

        Assert.Equal(new BsonArray
        {
            new BsonDocument("fields.fldOwner.id", new BsonDocument("$in", new BsonArray { "usrAda" })),
            IsBlank("$fields.fldOwner"),
        }, page["$or"].AsBsonArray);
    }

    [Fact]
    public void NoValuesMatchNothingUnlessBlanksAreIncluded()
    {
        Assert.Equal(new BsonDocument("fields.fldTags", new BsonDocument("$in", new BsonArray())),
            Render(new AnyValueCondition("fldTags", CellMatch.Name, [], IncludeBlank: false)));
        Assert.Equal(IsBlank("$fields.fldTags"), Render(new AnyValueCondition("fldTags", CellMatch.Name, [], IncludeBlank: true)));
    }

    [Fact]
    public void ADateRangeComparesDayTextForDatesAndUtcInstantTextOfTheZonesDaysForDateTimes()
    {
        // Paris is UTC+1 on 28 October 2025 (summer time ended on the 26th), UTC+2 on 1 October.
        var page = RenderPage(new DateRangeFilter("fldAt", new(2025, 10, 1), new(2025, 10, 28), Paris));

        Assert.Equal(new BsonArray
        {
            Shaped("fields.fldAt", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", new BsonDocument { ["$gte"] = "2025-10-01", ["$lte"] = "2025-10-28" }),
            Shaped("fields.fldAt", "^[0-9]{4}-[0-9]{2}-[0-9]{2}T", new BsonDocument { ["$gte"] = "2025-09-30T22:00:00.000Z", ["$lt"] = "2025-10-28T23:00:00.000Z" }),
        }, page["$or"].AsBsonArray);
    }

    [Fact]
    public void AnOpenEndOfADateRangeLeavesItsBoundOut()
    {
        var from = Render(DayRangeCondition.For(new DateRangeFilter("fldAt", new(2025, 10, 28), null)));
        var to = Render(DayRangeCondition.For(new DateRangeFilter("fldAt", null, new(2025, 10, 28))));

        Assert.Equal(new BsonDocument("$or", new BsonArray
        {
            Shaped("fields.fldAt", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", new BsonDocument("$gte", "2025-10-28")),
            Shaped("fields.fldAt", "^[0-9]{4}-[0-9]{2}-[0-9]{2}T", new BsonDocument("$gte", "2025-10-28T00:00:00.000Z")),
        }), from);
        Assert.Equal(new BsonDocument("$or", new BsonArray
        {
            Shaped("fields.fldAt", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", new BsonDocument("$lte", "2025-10-28")),
            Shaped("fields.fldAt", "^[0-9]{4}-[0-9]{2}-[0-9]{2}T", new BsonDocument("$lt", "2025-10-29T00:00:00.000Z")),
        }), to);
    }

    [Fact]
    public void EveryFilterIsKeptWhenTwoShareAFieldOrAnOperator()
    {
        var page = RenderPage(
            new ValueFilter("fldStatus", ["Todo", "Done"]), new ValueFilter("fldStatus", ["Done"]),
            new DateRangeFilter("fldAt", new(2025, 10, 1), null), new DateRangeFilter("fldAt", null, new(2025, 10, 31)));

        var all = page["$and"].AsBsonArray;
        Assert.Equal(7, all.Count);
        Assert.Equal(new BsonDocument("fields.fldStatus", new BsonDocument("$in", new BsonArray { "Todo", "Done" })), all[3]);
        Assert.Equal(new BsonDocument("fields.fldStatus", new BsonDocument("$in", new BsonArray { "Done" })), all[4]);
        Assert.Equal(["$or", "$or"], all.Skip(5).Select(f => f.AsBsonDocument.GetElement(0).Name));
    }

    [Fact]
    public void ASortedPageMatchesOnlyTheFilteredRecords()
    {
        var query = new RecordQuery("appBase", "tblTable", SortFieldId: "fldStatus", Filters: [new ValueFilter("fldOwner", ["usrAda"])]);
        var filter = MongoRecordDocuments.Page(query, null, RecordCondition.For(query, Fields));

        var stages = MongoRecordDocuments.SortedPage(filter, RecordSort.For(query, Fields)!, 0, 10).Render(Args).Documents;

        Assert.Equal(new BsonArray { "usrAda" }, stages[0]["$match"]["fields.fldOwner.id"]["$in"].AsBsonArray);
    }

    [Fact]
    public void PeopleAreUnwoundFromOneObjectOrAnArrayAndCountedOncePerRecord()
    {
        static BsonDocument TextOrNull(string path) => new("$cond", new BsonArray
        {
            new BsonDocument("$eq", new BsonArray { new BsonDocument("$type", path), "string" }), path, BsonNull.Value,
        });

        var stages = MongoRecordDocuments.People("appBase", "tblTable", "fldPeople").Render(Args).Documents;

        Assert.Equal(
            [
                new BsonDocument("$match", new BsonDocument { ["baseId"] = "appBase", ["tableId"] = "tblTable", ["deleted"] = false }),
                new BsonDocument("$project", new BsonDocument("person", new BsonDocument("$cond", new BsonArray
                {
                    new BsonDocument("$isArray", "$fields.fldPeople"), "$fields.fldPeople", new BsonArray { "$fields.fldPeople" },
                }))),
                new BsonDocument("$unwind", "$person"),
                new BsonDocument("$match", new BsonDocument { ["person"] = new BsonDocument("$type", "object"), ["person.id"] = new BsonDocument("$type", "string") }),
                new BsonDocument("$group", new BsonDocument
                {
                    ["_id"] = new BsonDocument { ["person"] = "$person.id", ["record"] = "$_id" },
                    ["name"] = new BsonDocument("$max", TextOrNull("$person.name")),
                    ["email"] = new BsonDocument("$max", TextOrNull("$person.email")),
                }),
                new BsonDocument("$group", new BsonDocument
                {
                    ["_id"] = "$_id.person",
                    ["name"] = new BsonDocument("$max", "$name"),
                    ["email"] = new BsonDocument("$max", "$email"),
                    ["recordCount"] = new BsonDocument("$sum", 1),
                }),
            ],
            stages);
        Assert.Equal(new CellPerson("usrAda", null, "ada@example.com", 3),
            MongoRecordDocuments.ReadPerson(new BsonDocument { ["_id"] = "usrAda", ["name"] = BsonNull.Value, ["email"] = "ada@example.com", ["recordCount"] = 3 }));
    }
}
