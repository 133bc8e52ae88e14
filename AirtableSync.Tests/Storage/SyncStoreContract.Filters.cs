using AirtableSync.Storage;

namespace AirtableSync.Tests.Storage;

public abstract partial class SyncStoreContract
{
    private const string Ada = """{"id":"usrAda","email":"ada@example.com","name":"Ada"}""";
    private const string Bob = """{"id":"usrBob","email":"bob@example.com","name":"bob"}""";
    private const string Cy = """{"id":"usrCy","email":"cy@example.com"}""";

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    // One table with a field of every kind a filter may (or may not) apply to; fldOld was removed from Airtable.
    private async Task ApplyFilterSchemaAsync()
    {
        const string choices = """{"choices":[{"id":"selT","name":"Todo"},{"id":"selD","name":"Doing"},{"id":"selX","name":"Done"}]}""";
        FieldSchema[] fields =
        [
            Field("fldName", "Name"),
            Field("fldStatus", "Status", "singleSelect", choices),
            Field("fldTags", "Tags", "multipleSelects", choices),
            Field("fldOwner", "Owner", "singleCollaborator"),
            Field("fldPeople", "People", "multipleCollaborators"),
            Field("fldDue", "Due", "date", """{"dateFormat":{"name":"iso","format":"YYYY-MM-DD"}}"""),
            Field("fldAt", "Happened at", "dateTime", """{"timeZone":"Europe/Paris"}"""),
            Field("fldMade", "Made", "createdTime", """{"result":{"type":"dateTime"}}"""),
        ];
        await Store.ApplyBaseSchemaAsync("appBase", [Table("tblTable", "Tasks", [.. fields, Field("fldOld", "Old status", "singleSelect", choices)])], T0, Token);
        await Store.ApplyBaseSchemaAsync("appBase", [Table("tblTable", "Tasks", fields)], T0.AddMinutes(1), Token);
    }

    private Task<RecordPage> FilterAsync(params RecordFilter[] filters) =>
        Store.QueryRecordsAsync(new RecordQuery("appBase", "tblTable", Filters: filters), Token);

    private static ValueFilter Values(string fieldId, params string[] values) => new(fieldId, values);

    [Fact]
    public async Task AValueFilterOnASingleSelectMatchesAnyOfItsOptions()
    {
        await ApplyFilterSchemaAsync();
        await UpsertAsync(T0,
            Rec("recTodo", 1, """{"fldStatus":"Todo"}"""),
            Rec("recDoing", 2, """{"fldStatus":"Doing"}"""),
            Rec("recDone", 3, """{"fldStatus":"Done"}"""),
            Rec("recBlank", 4, """{"fldName":"Todo"}"""));

        Assert.Equal(["recTodo", "recDone"], Ids(await FilterAsync(Values("fldStatus", "Todo", "Done"))));
        Assert.Equal(["recDoing"], Ids(await FilterAsync(Values("fldStatus", "Doing", "Not an option"))));
        Assert.Empty(Ids(await FilterAsync(Values("fldStatus", "todo")))); // option names are exact
    }

    [Fact]
    public async Task AValueFilterOnAMultipleSelectMatchesRecordsHoldingAnyOfTheOptions()
    {
        await ApplyFilterSchemaAsync();
        await UpsertAsync(T0,
            Rec("recTodoDone", 1, """{"fldTags":["Todo","Done"]}"""),
            Rec("recDoing", 2, """{"fldTags":["Doing"]}"""),
            Rec("recNone", 3, """{"fldTags":[]}"""),
            Rec("recDone", 4, """{"fldTags":["Done"]}"""),
            Rec("recAbsent", 5, "{}"));

        Assert.Equal(["recTodoDone", "recDone"], Ids(await FilterAsync(Values("fldTags", "Done"))));
        Assert.Equal(["recTodoDone", "recDoing"], Ids(await FilterAsync(Values("fldTags", "Doing", "Todo"))));
    }

    [Fact]
    public async Task BlankCellsMatchOnlyWhenTheFilterIncludesThem()
    {
        await ApplyFilterSchemaAsync();
        await UpsertAsync(T0,
            Rec("recTodo", 1, """{"fldStatus":"Todo","fldTags":["Todo"]}"""),
            Rec("recAbsent", 2, "{}"),
            Rec("recNull", 3, """{"fldStatus":null,"fldTags":null}"""),
            Rec("recEmpty", 4, """{"fldStatus":"","fldTags":[]}"""),
            Rec("recDone", 5, """{"fldStatus":"Done","fldTags":["Done"]}"""));

        foreach (var field in new[] { "fldStatus", "fldTags" })
        {
            Assert.Equal(["recTodo"], Ids(await FilterAsync(Values(field, "Todo"))));
            Assert.Equal(["recTodo", "recAbsent", "recNull", "recEmpty"], Ids(await FilterAsync(new ValueFilter(field, ["Todo"], IncludeBlank: true))));
            Assert.Equal(["recAbsent", "recNull", "recEmpty"], Ids(await FilterAsync(new ValueFilter(field, [], IncludeBlank: true))));
            // No values and no blanks is "nothing chosen": it matches nothing rather than everything.
            var nothing = await FilterAsync(new ValueFilter(field, []));
            Assert.Equal((0, 0), (nothing.Items.Count, nothing.TotalCount));
        }
    }

    [Fact]
    public async Task AValueFilterOnCollaboratorsMatchesPeopleById()
    {
        await ApplyFilterSchemaAsync();
        await UpsertAsync(T0,
            Rec("recAda", 1, $$"""{"fldOwner":{{Ada}},"fldPeople":[{{Ada}},{{Cy}}]}"""),
            Rec("recBob", 2, $$"""{"fldOwner":{{Bob}},"fldPeople":[{{Bob}}]}"""),
            Rec("recCy", 3, $$"""{"fldOwner":{{Cy}},"fldPeople":[]}"""),
            Rec("recNobody", 4, """{"fldName":"usrAda"}"""));

        Assert.Equal(["recAda", "recCy"], Ids(await FilterAsync(Values("fldOwner", "usrAda", "usrCy"))));
        Assert.Equal(["recAda"], Ids(await FilterAsync(Values("fldPeople", "usrCy"))));
        Assert.Equal(["recAda", "recBob"], Ids(await FilterAsync(Values("fldPeople", "usrBob", "usrAda"))));
        Assert.Equal(["recCy", "recNobody"], Ids(await FilterAsync(new ValueFilter("fldPeople", [], IncludeBlank: true))));
        Assert.Empty(Ids(await FilterAsync(Values("fldOwner", "Ada", "ada@example.com")))); // ids, not names or emails
    }

    [Fact]
    public async Task ADateRangeOnDateOnlyCellsIncludesBothEndsWhateverTheZone()
    {
        await ApplyFilterSchemaAsync();
        await UpsertAsync(T0,
            Rec("recSep30", 1, """{"fldDue":"2025-09-30"}"""),
            Rec("recOct1", 2, """{"fldDue":"2025-10-01"}"""),
            Rec("recOct15", 3, """{"fldDue":"2025-10-15"}"""),
            Rec("recOct31", 4, """{"fldDue":"2025-10-31"}"""),
            Rec("recNov1", 5, """{"fldDue":"2025-11-01"}"""),
            Rec("recNoDue", 6, "{}"));

        DateOnly from = new(2025, 10, 1), to = new(2025, 10, 31);
        Assert.Equal(["recOct1", "recOct15", "recOct31"], Ids(await FilterAsync(new DateRangeFilter("fldDue", from, to))));
        Assert.Equal(["recOct1", "recOct15", "recOct31"], Ids(await FilterAsync(new DateRangeFilter("fldDue", from, to, Paris))));
        Assert.Equal(["recOct15"], Ids(await FilterAsync(new DateRangeFilter("fldDue", new(2025, 10, 15), new(2025, 10, 15)))));
    }

    [Fact]
    public async Task ADateRangeOnDateTimeCellsUsesTheDaysOfTheGivenZone()
    {
        // Paris is UTC+1 after 26 October 2025: 23:30Z on the 27th is half past midnight on the 28th there.
        await ApplyFilterSchemaAsync();
        await UpsertAsync(T0,
            Rec("rec27Late", 1, """{"fldAt":"2025-10-27T22:30:00.000Z"}"""),
            Rec("rec27Night", 2, """{"fldAt":"2025-10-27T23:30:00.000Z"}"""),
            Rec("rec28Last", 3, """{"fldAt":"2025-10-28T22:59:59.999Z"}"""),
            Rec("rec29First", 4, """{"fldAt":"2025-10-28T23:00:00.000Z"}"""),
            Rec("recNoTime", 5, """{"fldAt":""}"""));
        DateOnly day = new(2025, 10, 28);

        Assert.Equal(["rec27Night", "rec28Last"], Ids(await FilterAsync(new DateRangeFilter("fldAt", day, day, Paris))));
        Assert.Equal(["rec28Last", "rec29First"], Ids(await FilterAsync(new DateRangeFilter("fldAt", day, day))));
        Assert.Equal(["rec27Late", "rec27Night"], Ids(await FilterAsync(new DateRangeFilter("fldAt", day.AddDays(-1), day.AddDays(-1), TimeZoneInfo.Utc))));
        Assert.Equal(["rec27Late"], Ids(await FilterAsync(new DateRangeFilter("fldAt", day.AddDays(-1), day.AddDays(-1), Paris))));
    }

    [Fact]
    public async Task ADateRangeOpenAtEitherEndOnlyBoundsTheOther()
    {
        // A created-time field may hold date-only cells (its result is a date) or instants; both compare by day.
        await ApplyFilterSchemaAsync();
        await UpsertAsync(T0,
            Rec("recEarly", 1, """{"fldMade":"2025-01-05"}"""),
            Rec("recMiddle", 2, """{"fldMade":"2025-06-15T12:00:00.000Z"}"""),
            Rec("recLate", 3, """{"fldMade":"2025-12-31T23:59:59.999Z"}"""),
            Rec("recNotADate", 4, """{"fldMade":"soon"}"""),
            Rec("recEmpty", 5, "{}"));

        Assert.Equal(["recMiddle", "recLate"], Ids(await FilterAsync(new DateRangeFilter("fldMade", new(2025, 6, 15), null))));
        Assert.Equal(["recEarly", "recMiddle"], Ids(await FilterAsync(new DateRangeFilter("fldMade", null, new(2025, 6, 15)))));
        Assert.Equal(["recEarly", "recMiddle", "recLate"], Ids(await FilterAsync(new DateRangeFilter("fldMade", null, null))));
        Assert.Equal(["recEarly"], Ids(await FilterAsync(new DateRangeFilter("fldMade", DateOnly.MinValue, new(2025, 1, 5), Paris))));
        Assert.Equal(["recLate"], Ids(await FilterAsync(new DateRangeFilter("fldMade", new(2025, 12, 31), DateOnly.MaxValue, Paris))));
    }

    [Fact]
    public async Task FiltersCombineWithEachOtherSearchAndSortAndTheCountAgreesWithThePages()
    {
        await ApplyFilterSchemaAsync();
        var records = Enumerable.Range(0, 40).Select(i => Rec($"rec{i:00}", i,
            $$"""{"fldName":"{{(i % 2 == 0 ? "even" : "odd")}} {{39 - i:00}}","fldStatus":"{{(i % 3 == 0 ? "Todo" : "Done")}}","fldDue":"2025-10-{{1 + i % 28:00}}"}"""));
        await UpsertAsync(T0, [.. records]);
        var query = new RecordQuery("appBase", "tblTable", Take: 3, Search: "EVEN", SortFieldId: "fldName",
            Filters: [Values("fldStatus", "Todo"), new DateRangeFilter("fldDue", new(2025, 10, 1), new(2025, 10, 20))]);

        var expected = Enumerable.Range(0, 40)
            .Where(i => i % 2 == 0 && i % 3 == 0 && 1 + i % 28 <= 20)
            .OrderBy(i => 39 - i)
            .Select(i => $"rec{i:00}")
            .ToArray();
        var paged = new List<string>();
        for (var skip = 0; skip < 12; skip += 3)
        {
            var page = await Store.QueryRecordsAsync(query with { Skip = skip }, Token);
            Assert.Equal(expected.Length, page.TotalCount);
            paged.AddRange(Ids(page));
        }
        Assert.Equal(["rec36", "rec30", "rec18", "rec12", "rec06", "rec00"], expected); // the filter is not vacuous
        Assert.Equal(expected, paged);
    }

    [Fact]
    public async Task FilteredQueriesHideDeletedRecordsUnlessAsked()
    {
        await ApplyFilterSchemaAsync();
        await UpsertAsync(T0, Rec("recKept", 1, """{"fldStatus":"Todo"}"""), Rec("recGone", 2, """{"fldStatus":"Todo"}"""));
        await UpsertAsync(T0.AddHours(1), Rec("recKept", 1, """{"fldStatus":"Todo"}"""));
        await Store.TombstoneRecordsNotSeenSinceAsync("appBase", "tblTable", T0.AddHours(1), T0.AddHours(2), Token);
        var query = new RecordQuery("appBase", "tblTable", Filters: [Values("fldStatus", "Todo")]);

        var live = await Store.QueryRecordsAsync(query, Token);
        var all = await Store.QueryRecordsAsync(query with { IncludeDeleted = true }, Token);

        Assert.Equal(["recKept"], Ids(live));
        Assert.Equal(1, live.TotalCount);
        Assert.Equal(["recKept", "recGone"], Ids(all));
        Assert.Equal(2, all.TotalCount);
    }

    [Fact]
    public async Task FiltersTheSchemaDoesNotSupportAreRefusedNamingTheField()
    {
        await ApplyFilterSchemaAsync();
        await UpsertAsync(T0, Rec("rec1", 1, """{"fldName":"Todo","fldOld":"Todo"}"""));

        async Task<string> RefusedAsync(params RecordFilter[] filters) => (await Assert.ThrowsAsync<ArgumentException>(() => FilterAsync(filters))).Message;

        Assert.Contains("'Name' (fldName)", await RefusedAsync(Values("fldName", "Todo")), StringComparison.Ordinal);
        Assert.Contains("'Status' (fldStatus)", await RefusedAsync(new DateRangeFilter("fldStatus", null, null)), StringComparison.Ordinal);
        Assert.Contains("'Due' (fldDue)", await RefusedAsync(Values("fldDue", "2025-10-01")), StringComparison.Ordinal);
        Assert.Contains("'fldNope'", await RefusedAsync(Values("fldNope", "x")), StringComparison.Ordinal);
        Assert.Contains("'fldOld'", await RefusedAsync(Values("fldOld", "Todo")), StringComparison.Ordinal); // removed from Airtable
        Assert.Contains("not an Airtable field id", await RefusedAsync(Values("fldStatus", "Todo"), Values("fldStatus\") OR 1 --", "x")), StringComparison.Ordinal);
        Assert.Contains("not an Airtable field id", await RefusedAsync(new DateRangeFilter("fld.x", null, null)), StringComparison.Ordinal);
        Assert.Contains("at most 20 filters", await RefusedAsync([.. Enumerable.Repeat(Values("fldStatus", "Todo"), 21)]), StringComparison.Ordinal);
        Assert.Contains("at most 100", await RefusedAsync(new ValueFilter("fldStatus", [.. Enumerable.Range(0, 101).Select(i => $"o{i}")])), StringComparison.Ordinal);
        Assert.Contains("'fldDue'", await RefusedAsync(new DateRangeFilter("fldDue", new(2025, 10, 2), new(2025, 10, 1))), StringComparison.Ordinal);
        // A table the store has no schema for has no field to filter on.
        await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryRecordsAsync(new RecordQuery("appBase", "tblUnknown", Filters: [Values("fldStatus", "Todo")]), Token));
        // The limits themselves are allowed.
        Assert.Empty(Ids(await FilterAsync([.. Enumerable.Repeat(new ValueFilter("fldStatus", [.. Enumerable.Range(0, 100).Select(i => $"o{i}")]), 20)])));
    }

    [Fact]
    public async Task PeopleOfACollaboratorFieldAreListedOnceByNameWithTheirRecordCounts()
    {
        await ApplyFilterSchemaAsync();
        var zed = """{"id":"usrZed","email":"zed@example.com","name":"Zed"}""";
        var carl = """{"id":"usrCarl","name":"Carl"}""";
        await UpsertAsync(T0,
            Rec("rec1", 1, $$"""{"fldOwner":{{Ada}},"fldPeople":[{{Ada}},{{Bob}},{{Ada}}]}"""),
            Rec("rec2", 2, $$"""{"fldOwner":{{Bob}},"fldPeople":[{{Cy}},{{Bob}}]}"""),
            Rec("rec3", 3, $$"""{"fldOwner":{{Ada}},"fldPeople":[{{carl}}]}"""),
            Rec("recGone", 4, $$"""{"fldOwner":{{zed}},"fldPeople":[{{zed}},{{Ada}}]}"""));
        await UpsertAsync(T0.AddHours(1), Rec("rec1", 1, $$"""{"fldOwner":{{Ada}},"fldPeople":[{{Ada}},{{Bob}},{{Ada}}]}"""),
            Rec("rec2", 2, $$"""{"fldOwner":{{Bob}},"fldPeople":[{{Cy}},{{Bob}}]}"""), Rec("rec3", 3, $$"""{"fldOwner":{{Ada}},"fldPeople":[{{carl}}]}"""));
        await Store.TombstoneRecordsNotSeenSinceAsync("appBase", "tblTable", T0.AddHours(1), T0.AddHours(2), Token);
        await Store.UpsertRecordsAsync("appBase", "tblOther", [Rec("recElsewhere", 1, $$"""{"fldOwner":{{zed}}}""")], T0, Token);

        var owners = await Store.ListPeopleAsync("appBase", "tblTable", "fldOwner", cancellationToken: Token);
        var people = await Store.ListPeopleAsync("appBase", "tblTable", "fldPeople", cancellationToken: Token);
        var first = await Store.ListPeopleAsync("appBase", "tblTable", "fldPeople", limit: 1, cancellationToken: Token);

        // "bob" before "Carl" ignoring case; Cy, who has no name, after everyone named; Zed only in a deleted record.
        Assert.Equal([new CellPerson("usrAda", "Ada", "ada@example.com", 2), new CellPerson("usrBob", "bob", "bob@example.com", 1)], owners);
        Assert.Equal([new CellPerson("usrAda", "Ada", "ada@example.com", 1), new CellPerson("usrBob", "bob", "bob@example.com", 2),
            new CellPerson("usrCarl", "Carl", null, 1), new CellPerson("usrCy", null, "cy@example.com", 1)], people);
        Assert.Equal(["usrAda"], first.Select(p => p.Id));
        Assert.Empty(await Store.ListPeopleAsync("appBase", "tblTable", "fldNobody", cancellationToken: Token));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListPeopleAsync("appBase", "tblTable", "fld\"x", cancellationToken: Token));
    }
}
