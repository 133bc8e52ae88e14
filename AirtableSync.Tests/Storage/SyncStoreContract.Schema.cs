using AirtableSync.Storage;

namespace AirtableSync.Tests.Storage;

public abstract partial class SyncStoreContract
{
    private static TableSchema Table(string id, string name, params FieldSchema[] fields) =>
        new(id, name, fields[0].Id, $"{name} table", fields, [new ViewSchema("viwGrid", "Grid view", "grid")]);

    private static FieldSchema Field(string id, string name, string? type = "singleLineText", string? optionsJson = null) =>
        new(id, name, type, null, optionsJson);

    [Fact]
    public async Task SchemaRenamesUpdateNamesWithoutDuplicates()
    {
        await Store.ApplyBaseSchemaAsync("appBase", [Table("tbl1", "Tasks", Field("fld1", "Name"), Field("fld2", "Status", "singleSelect", """{"choices":[{"id":"sel1","name":"Todo"}]}"""))], T0, Token);

        await Store.ApplyBaseSchemaAsync("appBase", [Table("tbl1", "Work items", Field("fld1", "Title"), Field("fld2", "Status", "singleSelect", """{"choices":[{"id":"sel1","name":"Todo"}]}"""))], T0.AddHours(1), Token);

        var table = Assert.Single(await Store.ListTablesAsync("appBase", Token));
        Assert.Equal(("tbl1", "Work items", "fld1", false, T0.AddHours(1)), (table.Id, table.Name, table.PrimaryFieldId, table.IsRemoved, table.UpdatedAt));
        Assert.Equal([("fld1", "Title"), ("fld2", "Status")], table.Fields.Select(f => (f.Id, f.Name)));
        Assert.Equal("""{"choices":[{"id":"sel1","name":"Todo"}]}""", table.Fields[1].OptionsJson);
        Assert.Equal([new ViewSchema("viwGrid", "Grid view", "grid")], table.Views);
    }

    [Fact]
    public async Task TablesAndFieldsGoneFromAirtableAreMarkedRemovedAndTheirRecordsKept()
    {
        await Store.ApplyBaseSchemaAsync("appBase",
            [Table("tblTable", "Tasks", Field("fld1", "Name"), Field("fld2", "Old", "aFutureType")), Table("tblGone", "Archive", Field("fld9", "Name"))], T0, Token);
        await Store.UpsertRecordsAsync("appBase", "tblGone", [Rec("rec9", 1, """{"fld9":"keep me"}""")], T0, Token);

        await Store.ApplyBaseSchemaAsync("appBase", [Table("tblTable", "Tasks", Field("fld1", "Name"), Field("fld3", "New"))], T0.AddHours(1), Token);

        var tables = await Store.ListTablesAsync("appBase", Token);
        Assert.Equal([("tblTable", false), ("tblGone", true)], tables.Select(t => (t.Id, t.IsRemoved)));
        var live = tables[0];
        Assert.Equal([("fld1", false), ("fld3", false), ("fld2", true)], live.Fields.Select(f => (f.Id, f.IsRemoved)));
        Assert.Equal("aFutureType", live.Fields[2].Type);
        Assert.True((await Store.GetTableAsync("appBase", "tblGone", Token))?.IsRemoved);
        Assert.Equal("""{"fld9":"keep me"}""", (await GetAsync("rec9")).FieldsJson);

        await Store.ApplyBaseSchemaAsync("appBase", [Table("tblTable", "Tasks", Field("fld1", "Name"), Field("fld2", "Old again"))], T0.AddHours(2), Token);
        var back = await Store.GetTableAsync("appBase", "tblTable", Token);
        Assert.Equal([("fld1", false), ("fld2", false), ("fld3", true)], back?.Fields.Select(f => (f.Id, f.IsRemoved)));
        Assert.Null(await Store.GetTableAsync("appBase", "tblNever", Token));
    }

    [Fact]
    public async Task BaseListMarksMissingBasesRemovedAndBringsThemBack()
    {
        await Store.ApplyBaseListAsync([new BaseInfo("appA", "Alpha", "create"), new BaseInfo("appB", "Beta", "read")], T0, Token);
        await Store.ApplyBaseListAsync([new BaseInfo("appA", "Alpha renamed", "edit")], T0.AddHours(1), Token);
        await Store.MarkBaseSyncedAsync("appA", T0.AddHours(2), Token);

        Assert.Equal(
            [new StoredBase("appA", "Alpha renamed", "edit", false, T0, T0.AddHours(1), T0.AddHours(2)), new StoredBase("appB", "Beta", "read", true, T0, T0, null)],
            await Store.ListBasesAsync(Token));

        await Store.ApplyBaseListAsync([new BaseInfo("appB", "Beta", "read")], T0.AddHours(3), Token);
        Assert.False((await Store.GetBaseAsync("appB", Token))?.IsRemoved);
        Assert.True((await Store.GetBaseAsync("appA", Token))?.IsRemoved);
        Assert.Null(await Store.GetBaseAsync("appNever", Token));
    }

    [Fact]
    public async Task StatisticsCountLiveThingsAndTombstonesSeparately()
    {
        await Store.ApplyBaseListAsync([new BaseInfo("appBase", "Base", "create"), new BaseInfo("appOld", "Old", "read")], T0, Token);
        await Store.ApplyBaseListAsync([new BaseInfo("appBase", "Base", "create")], T0, Token);
        await Store.ApplyBaseSchemaAsync("appBase", [Table("tblTable", "Tasks", Field("fld1", "Name")), Table("tblTwo", "Two", Field("fld1", "Name"))], T0, Token);
        await UpsertAsync(T0, Rec("rec1", 1, "{}"), Rec("rec2", 2, "{}"), Rec("rec3", 3, "{}"));
        await UpsertAsync(T0.AddHours(1), Rec("rec1", 1, "{}"));
        await Store.TombstoneRecordsNotSeenSinceAsync("appBase", "tblTable", T0.AddHours(1), T0.AddHours(1), Token);

        Assert.Equal(new StoreStatistics(1, 2, 1, 2, 0), await Store.GetStatisticsAsync(Token));
    }
}
