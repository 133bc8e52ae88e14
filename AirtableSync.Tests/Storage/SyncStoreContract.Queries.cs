using AirtableSync.Storage;

namespace AirtableSync.Tests.Storage;

public abstract partial class SyncStoreContract
{
    [Fact]
    public async Task QueryPagesRecordsByCreatedTimeThenId()
    {
        // rec3 and recB share a created time: the id breaks the tie, so pages never overlap.
        await UpsertAsync(T0, Rec("rec5", 5, "{}"), Rec("rec1", 1, "{}"), Rec("recB", 3, "{}"), Rec("rec3", 3, "{}"), Rec("rec2", 2, "{}"));

        var first = await QueryAsync(take: 2);
        var second = await QueryAsync(skip: 2, take: 2);
        var last = await QueryAsync(skip: 4, take: 2);
        var descending = await QueryAsync(take: 3, direction: SortDirection.Descending);

        Assert.Equal(["rec1", "rec2"], Ids(first));
        Assert.Equal(["rec3", "recB"], Ids(second));
        Assert.Equal(["rec5"], Ids(last));
        Assert.All([first, second, last, descending], page => Assert.Equal(5, page.TotalCount));
        Assert.Equal(["rec5", "recB", "rec3"], Ids(descending));
        Assert.Equal(T0.AddMinutes(1), first.Items[0].CreatedTime);
    }

    [Fact]
    public async Task QuerySortsByAFieldsCellValue()
    {
        await UpsertAsync(T0,
            Rec("recC", 1, """{"fldName":"Cherry","fldQty":3}"""),
            Rec("recA", 2, """{"fldName":"Apple","fldQty":10}"""),
            Rec("recN", 3, """{"fldOther":"no name"}"""),
            Rec("recB", 4, """{"fldName":"Banana","fldQty":2}"""));

        // Blank cells (recN has neither field) come last in both directions.
        Assert.Equal(["recA", "recB", "recC", "recN"], Ids(await QueryAsync(sortFieldId: "fldName")));
        Assert.Equal(["recC", "recB", "recA", "recN"], Ids(await QueryAsync(sortFieldId: "fldName", direction: SortDirection.Descending)));
        Assert.Equal(["recB", "recC", "recA", "recN"], Ids(await QueryAsync(sortFieldId: "fldQty")));
        Assert.Equal(["recC", "recA"], Ids(await QueryAsync(skip: 1, take: 2, sortFieldId: "fldQty")));
    }

    [Fact]
    public async Task QueryPutsBlankCellsLastInBothDirectionsForEveryKindOfValue()
    {
        // Airtable omits empty cells, but a null, "" or [] kept from elsewhere is blank too.
        await UpsertAsync(T0,
            Rec("recAbsent", 1, "{}"),
            Rec("recTwo", 2, """{"fldText":"b","fldNumber":2,"fldLinks":["recY"]}"""),
            Rec("recNull", 3, """{"fldText":null,"fldNumber":null,"fldLinks":null}"""),
            Rec("recOne", 4, """{"fldText":"a","fldNumber":-1,"fldLinks":["recX"]}"""),
            Rec("recEmpty", 5, """{"fldText":"","fldLinks":[]}"""));
        string[] blanks = ["recAbsent", "recNull", "recEmpty"];

        foreach (var field in new[] { "fldText", "fldNumber", "fldLinks" })
        {
            var ascending = Ids(await QueryAsync(sortFieldId: field));
            var descending = Ids(await QueryAsync(sortFieldId: field, direction: SortDirection.Descending));
            Assert.Equal(["recOne", "recTwo", .. blanks], ascending);
            // Descending reverses the values and the tie-break (created time), but blanks stay at the end.
            Assert.Equal(["recTwo", "recOne", .. blanks.Reverse()], descending);
        }
    }

    [Fact]
    public async Task QuerySortsASingleSelectByItsOptionOrderWithBlanksLast()
    {
        // Option order Todo, In progress, Done is not alphabetical ("Done" < "In progress" < "Todo").
        await ApplySelectSchemaAsync();
        await UpsertAsync(T0,
            Rec("recDone", 1, """{"fldStatus":"Done"}"""),
            Rec("recBlank", 2, "{}"),
            Rec("recTodo", 3, """{"fldStatus":"Todo"}"""),
            Rec("recGone", 4, """{"fldStatus":"Archived"}"""), // no longer a choice: after the last one
            Rec("recDoing", 5, """{"fldStatus":"In progress"}"""));

        Assert.Equal(["recTodo", "recDoing", "recDone", "recGone", "recBlank"], Ids(await QueryAsync(sortFieldId: "fldStatus")));
        Assert.Equal(["recGone", "recDone", "recDoing", "recTodo", "recBlank"],
            Ids(await QueryAsync(sortFieldId: "fldStatus", direction: SortDirection.Descending)));
    }

    [Fact]
    public async Task QuerySortsAMultipleSelectByItsFirstChosenOption()
    {
        await ApplySelectSchemaAsync();
        await UpsertAsync(T0,
            Rec("recDoneTodo", 1, """{"fldTags":["Done","Todo"]}"""),
            Rec("recNone", 2, """{"fldTags":[]}"""),
            Rec("recTodoDone", 3, """{"fldTags":["Todo","Done"]}"""),
            Rec("recAbsent", 4, "{}"),
            Rec("recDoing", 5, """{"fldTags":["In progress"]}"""));

        Assert.Equal(["recTodoDone", "recDoing", "recDoneTodo", "recNone", "recAbsent"], Ids(await QueryAsync(sortFieldId: "fldTags")));
        Assert.Equal(["recDoneTodo", "recDoing", "recTodoDone", "recAbsent", "recNone"],
            Ids(await QueryAsync(sortFieldId: "fldTags", direction: SortDirection.Descending)));
    }

    [Fact]
    public async Task QuerySortsACheckboxUncheckedBeforeChecked()
    {
        // Absent is how Airtable sends an unchecked box: a value, not a blank.
        await ApplySelectSchemaAsync();
        await UpsertAsync(T0, Rec("recOn", 1, """{"fldDone":true}"""), Rec("recOff", 2, "{}"), Rec("recOn2", 3, """{"fldDone":true}"""));

        Assert.Equal(["recOff", "recOn", "recOn2"], Ids(await QueryAsync(sortFieldId: "fldDone")));
        Assert.Equal(["recOn2", "recOn", "recOff"], Ids(await QueryAsync(sortFieldId: "fldDone", direction: SortDirection.Descending)));
    }

    [Fact]
    public async Task PagesSortedByASelectNeverOverlapOrSkipRecordsWithTheSameOption()
    {
        // Thirty records share four created times and two options: created time, then id, break the ties.
        await ApplySelectSchemaAsync();
        var records = Enumerable.Range(0, 30)
            .Select(i => Rec($"rec{(i * 7) % 30:00}", i % 4, i % 3 == 0 ? "{}" : $$"""{"fldStatus":"{{(i % 2 == 0 ? "Done" : "Todo")}}"}"""))
            .ToArray();
        await UpsertAsync(T0, records);

        foreach (var direction in new[] { SortDirection.Ascending, SortDirection.Descending })
        {
            var whole = Ids(await QueryAsync(take: 30, sortFieldId: "fldStatus", direction: direction));
            var paged = new List<string>();
            for (var skip = 0; skip < 30; skip += 7)
            {
                paged.AddRange(Ids(await QueryAsync(skip: skip, take: 7, sortFieldId: "fldStatus", direction: direction)));
            }
            Assert.Equal(whole, paged);
            Assert.Equal(30, paged.Distinct().Count());
        }
    }

    private Task ApplySelectSchemaAsync()
    {
        const string choices = """{"choices":[{"id":"selT","name":"Todo"},{"id":"selP","name":"In progress"},{"id":"selD","name":"Done"}]}""";
        var table = new TableSchema("tblTable", "Tasks", "fldName", null,
            [
                new FieldSchema("fldName", "Name", "singleLineText", null, null),
                new FieldSchema("fldStatus", "Status", "singleSelect", null, choices),
                new FieldSchema("fldTags", "Tags", "multipleSelects", null, choices),
                new FieldSchema("fldDone", "Done", "checkbox", null, """{"icon":"check","color":"greenBright"}"""),
            ],
            []);
        return Store.ApplyBaseSchemaAsync("appBase", [table], T0, Token);
    }

    [Fact]
    public async Task QuerySearchesCellTextCaseInsensitivelyButNotFieldIds()
    {
        await UpsertAsync(T0,
            Rec("rec1", 1, """{"fldName":"École du Nord","fldTags":["Blue","green","aqua"]}"""),
            Rec("rec2", 2, """{"fldName":"beta","fldNotes":"Has 100% cotton"}"""),
            Rec("rec3", 3, """{"fldName":"gamma","fldCount":4217}"""),
            Rec("rec4", 4, """{"fldName":"caf\u00e9 \"crème\"","fldEmoji":"\ud83d\ude00"}"""));

        Assert.Equal(["rec1"], Ids(await QueryAsync(search: "ÉCOLE")));
        Assert.Equal(["rec1"], Ids(await QueryAsync(search: "GREEN")));
        Assert.Equal(["rec2"], Ids(await QueryAsync(search: "100% c")));
        Assert.Equal(["rec3"], Ids(await QueryAsync(search: "421")));
        Assert.Equal(["rec4"], Ids(await QueryAsync(search: "CAFÉ \"CRÈME\"")));
        Assert.Equal(["rec4"], Ids(await QueryAsync(search: "😀")));
        Assert.Empty(Ids(await QueryAsync(search: "fldName")));
        Assert.Empty(Ids(await QueryAsync(search: "blue green"))); // a match never spans two cells
        var page = await QueryAsync(search: "A", take: 1);
        Assert.Equal(4, page.TotalCount);
        Assert.Single(page.Items);
        Assert.Equal(4, (await QueryAsync(search: "   ")).TotalCount);
    }

    [Fact]
    public async Task ASearchMatchingVeryManyRecordsCountsThemOnlyUpToTheNextStepPastItsWindow()
    {
        // 10,050 records match "common" (and "co"), ten more match "zq" only: the first step is 10,000.
        const int common = RecordPage.SearchCountStep + 50;
        var records = Enumerable.Range(0, common + 10)
            .Select(i => Rec($"rec{i:D14}", i, i < common ? $$"""{"fldName":"Common {{i}}"}""" : $$"""{"fldName":"zq {{i}}"}""")).ToList();
        foreach (var batch in records.Chunk(1000))
        {
            await UpsertAsync(T0, batch);
        }

        foreach (var needle in new[] { "common", "co" })
        {
            var first = await QueryAsync(search: needle);
            Assert.Equal((RecordPage.SearchCountStep, true), (first.TotalCount, first.TotalIsLowerBound));
            Assert.Equal(records.Take(50).Select(r => r.Id), Ids(first));
            // A window near the bound counts up to the next step: here that is every match, exactly.
            var near = await QueryAsync(skip: RecordPage.SearchCountStep - 10, take: 50, search: needle);
            Assert.Equal((common, false), (near.TotalCount, near.TotalIsLowerBound));
            Assert.Equal(records.Skip(RecordPage.SearchCountStep - 10).Take(50).Select(r => r.Id), Ids(near));
            var last = await QueryAsync(skip: common - 10, take: 50, search: needle);
            Assert.Equal((common, false, 10), (last.TotalCount, last.TotalIsLowerBound, last.Items.Count));
            var past = await QueryAsync(skip: 2 * RecordPage.SearchCountStep, take: 50, search: needle);
            Assert.Equal((common, false), (past.TotalCount, past.TotalIsLowerBound));
            Assert.Empty(past.Items);
        }
        var rare = await QueryAsync(search: "ZQ");
        Assert.Equal((10, false), (rare.TotalCount, rare.TotalIsLowerBound));
        Assert.Equal(records.Skip(common).Select(r => r.Id), Ids(rare));
        // Without a search the table's count stays exact.
        var all = await QueryAsync(take: 1);
        Assert.Equal((common + 10, false), (all.TotalCount, all.TotalIsLowerBound));
    }

    [Fact]
    public async Task QueryIncludesDeletedRecordsOnlyWhenAsked()
    {
        await UpsertAsync(T0, Rec("rec1", 1, """{"fldA":"kept"}"""), Rec("rec2", 2, """{"fldA":"gone"}"""));
        await UpsertAsync(T0.AddHours(1), Rec("rec1", 1, """{"fldA":"kept"}"""));
        await Store.TombstoneRecordsNotSeenSinceAsync("appBase", "tblTable", T0.AddHours(1), T0.AddHours(2), Token);

        Assert.Empty(Ids(await QueryAsync(search: "gone")));
        Assert.Equal(["rec2"], Ids(await QueryAsync(search: "gone", includeDeleted: true)));
        Assert.Equal(2, (await QueryAsync(includeDeleted: true, sortFieldId: "fldA")).TotalCount);
        Assert.Equal(1, (await QueryAsync()).TotalCount);
    }

    [Fact]
    public async Task QueryIsScopedToOneTable()
    {
        await UpsertAsync(T0, Rec("rec1", 1, "{}"));
        await Store.UpsertRecordsAsync("appBase", "tblOther", [Rec("rec2", 1, "{}")], T0, Token);
        await Store.UpsertRecordsAsync("appOther", "tblTable", [Rec("rec3", 1, "{}")], T0, Token);

        Assert.Equal(["rec1"], Ids(await QueryAsync()));
    }

    [Fact]
    public async Task QueryRejectsInvalidPagingAndSortFieldsWithClearErrors()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => QueryAsync(skip: -1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => QueryAsync(take: 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => QueryAsync(take: 100_000));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => QueryAsync(sortFieldId: "fld\") DESC; --"));
        Assert.Contains("not an Airtable field id", error.Message, StringComparison.Ordinal);
    }
}
