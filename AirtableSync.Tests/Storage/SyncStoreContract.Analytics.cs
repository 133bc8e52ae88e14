using AirtableSync.Storage;

namespace AirtableSync.Tests.Storage;

public abstract partial class SyncStoreContract
{
    [Fact]
    public async Task FieldChangesStreamPerRecordOldestFirstWithTheirValuesOnly()
    {
        await Store.UpsertRevisionEventsAsync(
        [
            Event("recB", "act3", "fldS", 7, "Done"), Event("recA", "act2", "fldS", 5, "Done"), Event("recA", "act1", "fldS", 1, "Doing"),
            Event("recA", "act4", "fldT", 2, "x"), Event("recA", "act5", "fldS", 3, "Review") with { TableId = "tblOther" },
        ], Token);
        await Store.UpsertRevisionEventsAsync([Event("recA", "act1", "fldS", 1, "Doing (re-parsed)")], Token);

        var changes = await ToListAsync(Store.StreamFieldChangesAsync("tblTable", "fldS", Token));

        Assert.Equal(
            [("recA", "act1", T0.AddMinutes(1), "Doing (re-parsed)"), ("recA", "act2", T0.AddMinutes(5), "Done"), ("recB", "act3", T0.AddMinutes(7), "Done")],
            changes.Select(c => (c.RecordId, c.ActivityId, c.ChangedAt, c.NewValues?.Single())));
        Assert.All(changes, c => Assert.Equal(["Todo"], c.OldValues!));
    }

    [Fact]
    public async Task FieldChangesKeepAnAbsentSideNull()
    {
        await Store.UpsertRevisionEventsAsync([Event("recA", "act1", "fldS", 1, "Doing") with { OldValues = null, ChangeKind = ChangeKind.NullToValue }], Token);

        var change = Assert.Single(await ToListAsync(Store.StreamFieldChangesAsync("tblTable", "fldS", Token)));

        Assert.Null(change.OldValues);
        Assert.Equal(["Doing"], change.NewValues!);
    }

    [Fact]
    public async Task FieldCellsStreamEveryRecordOfTheTableByIdWithTombstones()
    {
        await UpsertAsync(T0, Rec("recC", 3, """{"fldS":"Done"}"""), Rec("recA", 1, """{"fldS":"Todo","fldP":{"id":"usr1","name":"Ada"}}"""), Rec("recB", 2, """{"fldX":1}"""));
        await Store.UpsertRecordsAsync("appBase", "tblOther", [Rec("recD", 4, """{"fldS":"Todo"}""")], T0, Token);
        await Store.TombstoneRecordsNotSeenSinceAsync("appBase", "tblTable", T0.AddMinutes(1), T0.AddHours(1), Token);

        var cells = await ToListAsync(Store.StreamFieldCellsAsync("appBase", "tblTable", "fldS", Token));
        var people = await ToListAsync(Store.StreamFieldCellsAsync("appBase", "tblTable", "fldP", Token));

        Assert.Equal(
            [new RecordFieldCell("recA", T0.AddMinutes(1), T0.AddHours(1), "\"Todo\""), new RecordFieldCell("recB", T0.AddMinutes(2), T0.AddHours(1), null),
             new RecordFieldCell("recC", T0.AddMinutes(3), T0.AddHours(1), "\"Done\"")],
            cells);
        Assert.Equal("""{"id":"usr1","name":"Ada"}""", people[0].CellJson);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }
        return list;
    }
}
