using System.Net;
using System.Text.Json;
using AirtableSync.Sandbox.PublicApi;

namespace AirtableSync.Tests.Sandbox;

public class FakeListRecordsTests
{
    [Fact]
    public async Task PagingTenThousandRecordsReturnsEachRecordExactlyOnce()
    {
        // 100 pages: the rate limit is not under test here.
        await using var fake = await FakeApiSession.StartAsync(o => (o.SeedSampleWorkspace, o.RequestsPerSecondPerBase, o.RequestsPerSecondPerToken) = (false, 10_000, 10_000));
        var bases = SampleWorkspaceGenerator.AddSyntheticWorkspace(fake.State.Workspace, new SyntheticWorkspaceSpec(1, 1, 10_000, FieldsPerTable: 4));
        var table = fake.State.Workspace.GetTables(bases[0].Id)[0];

        var records = await fake.ListAllAsync(bases[0].Id, table.Id, "pageSize=100");

        var ids = records.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(10_000, ids.Count);
        Assert.Equal(10_000, ids.Distinct().Count());
        Assert.Equal(fake.State.Workspace.GetRecords(bases[0].Id, table.Id).Select(r => r.Id), ids);
    }

    [Fact]
    public async Task EmptyCellsAreOmittedAndRecordsWithoutCellsHaveEmptyFields()
    {
        await using var fake = await FakeApiSession.StartAsync();
        var roadmap = fake.State.Workspace.GetBases()[0];
        var records = await fake.ListAllAsync(roadmap.Id, "Tasks");
        Assert.Equal(220, records.Count);
        foreach (var field in records.SelectMany(r => r.GetProperty("fields").EnumerateObject()))
        {
            Assert.False(IsEmptyJson(field.Value), $"{field.Name} came back empty: {field.Value.GetRawText()}");
        }
        Assert.Contains(records, r => !r.GetProperty("fields").TryGetProperty("Done", out _));
    }

    [Fact]
    public async Task ARecordWithoutCellsComesBackWithAnEmptyFieldsObject()
    {
        await using var fake = await FakeApiSession.StartAsync();
        var marketing = fake.State.Workspace.GetBases()[2];
        var records = await fake.ListAllAsync(marketing.Id, "Campaigns");
        Assert.Contains(records, r => r.GetProperty("fields").ValueKind == JsonValueKind.Object && !r.GetProperty("fields").EnumerateObject().Any());
    }

    [Fact]
    public async Task FieldsAreKeyedByNameUnlessReturnFieldsByFieldIdIsTrue()
    {
        await using var fake = await FakeApiSession.StartAsync();
        var roadmap = fake.State.Workspace.GetBases()[0];
        var tasks = fake.State.Workspace.FindTable(roadmap.Id, "Tasks") ?? throw new InvalidOperationException();
        var statusField = tasks.Fields.Single(f => f.Name == "Status");

        var (_, byName) = await fake.GetAsync($"/v0/{roadmap.Id}/{tasks.Id}?pageSize=5&fields[]=Status");
        var (_, byId) = await fake.GetAsync($"/v0/{roadmap.Id}/{tasks.Id}?pageSize=5&fields[]={statusField.Id}&returnFieldsByFieldId=true");

        var first = byName.GetProperty("records")[0].GetProperty("fields");
        Assert.Equal(["Status"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal([statusField.Id], byId.GetProperty("records")[0].GetProperty("fields").EnumerateObject().Select(p => p.Name));
        Assert.Equal(first.GetProperty("Status").GetString(), byId.GetProperty("records")[0].GetProperty("fields").GetProperty(statusField.Id).GetString());
    }

    [Fact]
    public async Task UnknownFieldNamesArRejected()
    {
        await using var fake = await FakeApiSession.StartAsync();
        var roadmap = fake.State.Workspace.GetBases()[0];
        var (status, body) = await fake.GetAsync($"/v0/{roadmap.Id}/Tasks?fields[]=Nope");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("UNKNOWN_FIELD_NAME", FakeApiSession.ErrorType(body));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("ten")]
    public async Task PageSizeOutsideOneToHundredIsRejected(string pageSize)
    {
        await using var fake = await FakeApiSession.StartAsync();
        var roadmap = fake.State.Workspace.GetBases()[0];
        var (status, body) = await fake.GetAsync($"/v0/{roadmap.Id}/Tasks?pageSize={pageSize}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("INVALID_REQUEST_UNKNOWN", FakeApiSession.ErrorType(body));
    }

    private static bool IsEmptyJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False => true,
        JsonValueKind.String => value.GetString() == "",
        JsonValueKind.Array => value.GetArrayLength() == 0,
        _ => false,
    };
}
