using System.Net;
using System.Text.Json.Nodes;
using AirtableSync.Sandbox.PublicApi;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Sandbox;

public class FakeWorkspaceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EditsStampTheFakeClockAndDropEmptyValues()
    {
        var time = new FakeTimeProvider(T0);
        var workspace = new FakeWorkspace(time, 1);
        var b = workspace.AddBase("B");
        var table = workspace.AddTable(b.Id, "T", [new("Name", "singleLineText"), new("Tags", "multipleSelects"), new("Done", "checkbox")]);
        var (name, tags, done) = (table.Fields[0].Id, table.Fields[1].Id, table.Fields[2].Id);

        var record = workspace.AddRecord(b.Id, table.Id, new Dictionary<string, JsonNode?> { [name] = "", [tags] = new JsonArray(), [done] = false });
        Assert.Empty(record.Cells);
        Assert.Equal(T0, record.CreatedTime);
        Assert.Null(record.LastModifiedTime);
        Assert.Matches("^rec[A-Za-z0-9]{14}$", record.Id);

        time.Advance(TimeSpan.FromMinutes(5));
        var updated = workspace.UpdateRecord(b.Id, table.Id, record.Id, new Dictionary<string, JsonNode?> { [name] = "hello", [done] = true });
        Assert.Equal(T0.AddMinutes(5), updated.LastModifiedTime);
        Assert.Equal(["hello", "true"], new[] { updated.Cells[name].ToJsonString().Trim('"'), updated.Cells[done].ToJsonString() });

        workspace.UpdateRecord(b.Id, table.Id, record.Id, new Dictionary<string, JsonNode?> { [name] = null });
        Assert.False(workspace.FindRecord(b.Id, table.Id, record.Id)?.Cells.ContainsKey(name));
        Assert.Throws<ArgumentException>(() => workspace.AddRecord(b.Id, table.Id, new Dictionary<string, JsonNode?> { ["fldNope"] = "x" }));
    }

    [Fact]
    public async Task RenamesKeepIdsAndRemovedFieldsDisappearFromRecords()
    {
        await using var fake = await FakeApiSession.StartAsync(o => o.SeedSampleWorkspace = false);
        var workspace = fake.State.Workspace;
        var b = workspace.AddBase("B");
        var table = workspace.AddTable(b.Id, "Old table", [new("Name", "singleLineText"), new("Note", "multilineText")]);
        var record = workspace.AddRecord(b.Id, table.Id, new Dictionary<string, JsonNode?> { [table.Fields[0].Id] = "r", [table.Fields[1].Id] = "n" });

        workspace.RenameTable(b.Id, table.Id, "New table");
        workspace.RenameField(b.Id, table.Id, table.Fields[0].Id, "Title");
        var (_, renamed) = await fake.GetAsync($"/v0/{b.Id}/New%20table/{record.Id}");
        Assert.Equal("r", renamed.GetProperty("fields").GetProperty("Title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await fake.GetAsync($"/v0/{b.Id}/Old%20table")).Status);

        workspace.RemoveField(b.Id, table.Id, table.Fields[1].Id);
        var (_, body) = await fake.GetAsync($"/v0/{b.Id}/{table.Id}/{record.Id}");
        Assert.Equal(["Title"], body.GetProperty("fields").EnumerateObject().Select(p => p.Name));
        Assert.Throws<InvalidOperationException>(() => workspace.RemoveField(b.Id, table.Id, table.Fields[0].Id));

        Assert.True(workspace.RemoveTable(b.Id, table.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await fake.GetAsync($"/v0/{b.Id}/{table.Id}")).Status);
    }

    [Fact]
    public async Task LastModifiedTimeFieldsFollowEditsAndCreatedTimeFieldsFollowCreation()
    {
        var time = new FakeTimeProvider(T0);
        await using var fake = await FakeApiSession.StartAsync(o => o.SeedSampleWorkspace = false, time);
        var workspace = fake.State.Workspace;
        var b = workspace.AddBase("B");
        var table = workspace.AddTable(b.Id, "T", [new("Name", "singleLineText"), new("Created", "createdTime"), new("Modified", "lastModifiedTime")]);
        var record = workspace.AddRecord(b.Id, table.Id, new Dictionary<string, JsonNode?> { [table.Fields[0].Id] = "r" });

        var (_, fresh) = await fake.GetAsync($"/v0/{b.Id}/{table.Id}/{record.Id}");
        Assert.Equal(FakeCells.FormatTime(T0), fresh.GetProperty("fields").GetProperty("Created").GetString());
        Assert.False(fresh.GetProperty("fields").TryGetProperty("Modified", out _));

        time.Advance(TimeSpan.FromHours(2));
        workspace.UpdateRecord(b.Id, table.Id, record.Id, new Dictionary<string, JsonNode?> { [table.Fields[0].Id] = "r2" });
        var (_, edited) = await fake.GetAsync($"/v0/{b.Id}/{table.Id}/{record.Id}");
        Assert.Equal("2026-03-01T14:00:00.000Z", edited.GetProperty("fields").GetProperty("Modified").GetString());
    }
}
