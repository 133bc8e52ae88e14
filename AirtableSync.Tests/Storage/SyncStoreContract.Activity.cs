using AirtableSync.Storage;

namespace AirtableSync.Tests.Storage;

public abstract partial class SyncStoreContract
{
    private static RevisionEvent FeedEvent(string record, string activity, string field, DateTimeOffset at, string actor = "usrA",
        RevisionEventKind kind = RevisionEventKind.Field, string table = "tblTable", string newValue = "x", string baseId = "appBase") => new()
    {
        RecordId = record,
        BaseId = baseId,
        TableId = table,
        ActivityId = activity,
        FieldId = field,
        FieldName = field == "fldS" ? "Status" : "Notes",
        Kind = kind,
        ChangeKind = ChangeKind.Diff,
        OldValues = ["old"],
        NewValues = [newValue],
        ChangedAt = at,
        ActorId = actor,
        ActorName = actor == "usrA" ? "Ada" : "Bob",
        ActorEmail = actor == "usrA" ? "ada@example.com" : "bob@example.com",
    };

    private static (string, string, string)[] Keys(ActivityPage page) => [.. page.Items.Select(e => (e.RecordId, e.ActivityId, e.FieldId))];

    private Task<ActivityPage> FeedAsync(ActivityQuery query) => Store.QueryActivityAsync(query, Token);

    [Fact]
    public async Task ActivityComesNewestFirstAcrossRecordsWithTiesOrderedByRecordActivityAndField()
    {
        await Store.UpsertRevisionEventsAsync(
        [
            FeedEvent("rec1", "act1", "fldS", T0), FeedEvent("rec2", "act2", "fldS", T0.AddMinutes(2)),
            FeedEvent("rec1", "act3", "fldS", T0.AddMinutes(2)), FeedEvent("rec1", "act3", "fldT", T0.AddMinutes(2)),
            FeedEvent("rec3", "act4", "fldS", T0.AddMinutes(1)), FeedEvent("rec9", "act9", "fldS", T0.AddMinutes(5), baseId: "appOther"),
        ], Token);

        var page = await FeedAsync(new ActivityQuery("appBase"));

        Assert.Equal([("rec2", "act2", "fldS"), ("rec1", "act3", "fldT"), ("rec1", "act3", "fldS"), ("rec3", "act4", "fldS"), ("rec1", "act1", "fldS")], Keys(page));
        Assert.Null(page.NextCursor);
        Assert.Equal("Ada", page.Items[0].ActorName);
    }

    [Fact]
    public async Task ActivityPagesAcrossTiesInOneMillisecondWithoutDuplicatesOrGaps()
    {
        // 23 events in the same millisecond and 7 around it: every page boundary falls inside a tie.
        var same = T0.AddMilliseconds(500);
        var events = Enumerable.Range(0, 23).Select(i => FeedEvent($"rec{i % 4}", $"act{i % 3}", $"fld{i}", same))
            .Concat(Enumerable.Range(0, 7).Select(i => FeedEvent($"rec{i}", "actX", "fldS", same.AddMilliseconds(i % 2 == 0 ? 1 : -1))))
            .ToList();
        await Store.UpsertRevisionEventsAsync(events, Token);
        var all = await FeedAsync(new ActivityQuery("appBase", Take: 100));

        var seen = new List<(string, string, string)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await FeedAsync(new ActivityQuery("appBase", Cursor: cursor, Take: 4));
            Assert.InRange(page.Items.Count, 1, 4);
            seen.AddRange(Keys(page));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(30, all.Items.Count);
        Assert.Equal(Keys(all), seen);
        Assert.Equal(8, pages);
        Assert.Equal(30, seen.Distinct().Count());
    }

    [Fact]
    public async Task ActivityLastFullPageHasNoNextCursor()
    {
        await Store.UpsertRevisionEventsAsync([FeedEvent("rec1", "act1", "fldS", T0), FeedEvent("rec2", "act2", "fldS", T0.AddMinutes(1))], Token);

        var first = await FeedAsync(new ActivityQuery("appBase", Take: 1));
        var second = await FeedAsync(new ActivityQuery("appBase", Cursor: first.NextCursor, Take: 1));

        Assert.NotNull(first.NextCursor);
        Assert.Equal([("rec2", "act2", "fldS")], Keys(first));
        Assert.Equal([("rec1", "act1", "fldS")], Keys(second));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task ActivityFiltersByTableFieldPersonKindAndTimeRange()
    {
        await Store.UpsertRevisionEventsAsync(
        [
            FeedEvent("rec1", "act1", "fldS", T0, kind: RevisionEventKind.Status),
            FeedEvent("rec1", "act2", "fldT", T0.AddMinutes(1), actor: "usrB"),
            FeedEvent("rec2", "act3", "fldA", T0.AddMinutes(2), kind: RevisionEventKind.Assignee, table: "tblOther"),
            FeedEvent("rec1", "act4", "fldS", T0.AddMinutes(3), actor: "usrB", kind: RevisionEventKind.Status),
        ], Token);

        Assert.Equal([("rec2", "act3", "fldA")], Keys(await FeedAsync(new ActivityQuery("appBase", TableId: "tblOther"))));
        Assert.Equal([("rec1", "act4", "fldS"), ("rec1", "act1", "fldS")], Keys(await FeedAsync(new ActivityQuery("appBase", TableId: "tblTable", FieldId: "fldS"))));
        Assert.Equal([("rec1", "act4", "fldS"), ("rec1", "act2", "fldT")], Keys(await FeedAsync(new ActivityQuery("appBase", Actor: "usrB"))));
        Assert.Equal([("rec1", "act4", "fldS"), ("rec1", "act1", "fldS")], Keys(await FeedAsync(new ActivityQuery("appBase", Kind: RevisionEventKind.Status))));
        Assert.Equal([("rec2", "act3", "fldA")], Keys(await FeedAsync(new ActivityQuery("appBase", Kind: RevisionEventKind.Assignee))));
        // From is inclusive, To exclusive.
        Assert.Equal([("rec2", "act3", "fldA"), ("rec1", "act2", "fldT")], Keys(await FeedAsync(new ActivityQuery("appBase", From: T0.AddMinutes(1), To: T0.AddMinutes(3)))));
        Assert.Equal([("rec1", "act4", "fldS")], Keys(await FeedAsync(new ActivityQuery("appBase", Actor: "usrB", Kind: RevisionEventKind.Status, From: T0.AddMinutes(2)))));
        Assert.Empty((await FeedAsync(new ActivityQuery("appBase", Actor: "usrNobody"))).Items);
        Assert.Empty((await FeedAsync(new ActivityQuery("appNone"))).Items);
    }

    [Fact]
    public async Task ActivitySearchFindsSubstringsOfValuesAndFieldNamesWhateverTheCase()
    {
        await Store.UpsertRevisionEventsAsync(
        [
            FeedEvent("rec1", "act1", "fldT", T0, newValue: "Überprüfung ÇA VA"),
            FeedEvent("rec2", "act2", "fldT", T0.AddMinutes(1), newValue: "plain"),
            FeedEvent("rec3", "act3", "fldS", T0.AddMinutes(2), newValue: "ΣΟΦΊΑ"),
        ], Token);

        Assert.Equal([("rec1", "act1", "fldT")], Keys(await FeedAsync(new ActivityQuery("appBase", Search: "überPRÜF"))));
        Assert.Equal([("rec1", "act1", "fldT")], Keys(await FeedAsync(new ActivityQuery("appBase", Search: "ça va"))));
        Assert.Equal([("rec3", "act3", "fldS")], Keys(await FeedAsync(new ActivityQuery("appBase", Search: "σοφία"))));
        Assert.Equal([("rec3", "act3", "fldS")], Keys(await FeedAsync(new ActivityQuery("appBase", Search: "STATUS"))));
        // Old values too; and one value never runs into the next.
        Assert.Equal(3, (await FeedAsync(new ActivityQuery("appBase", Search: "OLD"))).Items.Count);
        Assert.Empty((await FeedAsync(new ActivityQuery("appBase", Search: "oldplain"))).Items);
        // LIKE wildcards are plain characters.
        Assert.Empty((await FeedAsync(new ActivityQuery("appBase", Search: "p%n"))).Items);
    }

    [Theory]
    [InlineData("not-base64!")]
    [InlineData("djE6MTIz")] // "v1:123": not this feed's shape
    [InlineData("")]
    public async Task ActivityRefusesACursorItDidNotReturn(string cursor)
    {
        await Store.UpsertRevisionEventsAsync([FeedEvent("rec1", "act1", "fldS", T0)], Token);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => FeedAsync(new ActivityQuery("appBase", Cursor: cursor)));

        Assert.Contains("cursor", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ActivityActorsAreEveryoneWhoChangedTheBaseOrTableWithTheirLatestNameAndCount()
    {
        await Store.UpsertRevisionEventsAsync(
        [
            FeedEvent("rec1", "act1", "fldS", T0) with { ActorName = "Ada (old name)" },
            FeedEvent("rec1", "act2", "fldS", T0.AddMinutes(2)),
            FeedEvent("rec2", "act3", "fldS", T0.AddMinutes(1), actor: "usrB", table: "tblOther"),
            FeedEvent("rec3", "act4", "fldS", T0.AddMinutes(1)) with { ActorId = null, ActorName = null, ActorEmail = null },
            FeedEvent("rec4", "act5", "fldS", T0, actor: "usrC", baseId: "appOther"),
        ], Token);

        var inBase = await Store.ListActivityActorsAsync("appBase", null, Token);
        var inTable = await Store.ListActivityActorsAsync("appBase", "tblTable", Token);

        Assert.Equal([new ActivityActor("usrA", "Ada", "ada@example.com", 2), new ActivityActor("usrB", "Bob", "bob@example.com", 1)], inBase);
        Assert.Equal([new ActivityActor("usrA", "Ada", "ada@example.com", 2)], inTable);
    }
}
