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

        Assert.Equal(["recN", "recA", "recB", "recC"], Ids(await QueryAsync(sortFieldId: "fldName")));
        Assert.Equal(["recC", "recB", "recA", "recN"], Ids(await QueryAsync(sortFieldId: "fldName", direction: SortDirection.Descending)));
        Assert.Equal(["recN", "recB", "recC", "recA"], Ids(await QueryAsync(sortFieldId: "fldQty")));
        Assert.Equal(["recB", "recC"], Ids(await QueryAsync(skip: 1, take: 2, sortFieldId: "fldQty")));
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
