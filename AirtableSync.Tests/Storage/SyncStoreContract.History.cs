using AirtableSync.Storage;

namespace AirtableSync.Tests.Storage;

public abstract partial class SyncStoreContract
{
    private static RevisionEvent Event(string record, string activity, string field, int minute, string newValue) => new()
    {
        RecordId = record,
        BaseId = "appBase",
        TableId = "tblTable",
        ActivityId = activity,
        FieldId = field,
        FieldName = "Status",
        ColumnType = "select",
        Kind = RevisionEventKind.Status,
        ChangeKind = ChangeKind.Diff,
        OldValues = ["Todo"],
        NewValues = [newValue],
        ChangedAt = T0.AddMinutes(minute),
        ActorId = "usrA",
        ActorName = "Ada",
        ActorEmail = "ada@example.com",
        GroupType = "fieldChange",
        RawHtml = $"<div>{newValue}</div>",
    };

    [Fact]
    public async Task RevisionEventsDeduplicateOnTheirKeyAndComeNewestFirst()
    {
        var added = await Store.UpsertRevisionEventsAsync(
            [Event("rec1", "act1", "fldS", 1, "Doing"), Event("rec1", "act2", "fldS", 5, "Done"), Event("rec1", "act2", "fldT", 5, "x"), Event("rec2", "act9", "fldS", 9, "Other")], Token);
        var again = await Store.UpsertRevisionEventsAsync(
            [Event("rec1", "act1", "fldS", 1, "Doing (re-parsed)"), Event("rec1", "act3", "fldS", 3, "Review")], Token);

        var events = await Store.GetRevisionsAsync("rec1", Token);

        Assert.Equal(4, added);
        Assert.Equal(1, again);
        Assert.Equal([("act2", "fldS"), ("act2", "fldT"), ("act3", "fldS"), ("act1", "fldS")], events.Select(e => (e.ActivityId, e.FieldId)));
        Assert.Equal(["Doing (re-parsed)"], events[3].NewValues);
        Assert.Equal(new HashSet<string> { "act1", "act2", "act3" }, await Store.GetKnownActivityIdsAsync("rec1", Token));
        Assert.Equal(5, (await Store.GetStatisticsAsync(Token)).RevisionEvents);
    }

    [Fact]
    public async Task RevisionEventsRoundTripEveryField()
    {
        var original = Event("rec1", "act1", "fldS", 1, "Done") with { IsParsed = false, ChangeKind = ChangeKind.NullToValue, OldValues = null };

        await Store.UpsertRevisionEventsAsync([original], Token);
        var stored = Assert.Single(await Store.GetRevisionsAsync("rec1", Token));

        Assert.Equal(original with { NewValues = null }, stored with { NewValues = null });
        Assert.Equal(original.NewValues, stored.NewValues);
    }

    [Fact]
    public async Task CommentsUpsertByIdAndComeOldestFirst()
    {
        await Store.UpsertRecordCommentsAsync(
            [new("rec1", "com2", "usrB", "Bob", "second", T0.AddMinutes(2)), new("rec1", "com1", "usrA", "Ada", "first", T0.AddMinutes(1))], Token);
        await Store.UpsertRecordCommentsAsync([new("rec1", "com1", "usrA", "Ada", "first (edited)", T0.AddMinutes(1)), new("rec2", "com3", null, null, "elsewhere", T0)], Token);

        var comments = await Store.GetRecordCommentsAsync("rec1", Token);

        Assert.Equal(
            [new RecordComment("rec1", "com1", "usrA", "Ada", "first (edited)", T0.AddMinutes(1)), new RecordComment("rec1", "com2", "usrB", "Bob", "second", T0.AddMinutes(2))],
            comments);
    }
}
