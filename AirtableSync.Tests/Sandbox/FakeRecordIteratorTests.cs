using System.Net;
using System.Text.Json;
using AirtableSync.Sandbox.PublicApi;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Sandbox;

public class FakeRecordIteratorTests
{
    private static async Task<(FakeApiSession Fake, FakeBase Base, FakeTable Table)> StartWithRecordsAsync(int records, FakeTimeProvider? time = null)
    {
        var fake = await FakeApiSession.StartAsync(o => (o.SeedSampleWorkspace, o.RequestsPerSecondPerBase, o.RequestsPerSecondPerToken) = (false, 1000, 1000), time);
        var bases = SampleWorkspaceGenerator.AddSyntheticWorkspace(fake.State.Workspace, new SyntheticWorkspaceSpec(1, 1, records, FieldsPerTable: 3));
        return (fake, bases[0], fake.State.Workspace.GetTables(bases[0].Id)[0]);
    }

    /// <summary>Awaits a request the fake must refuse with 422 and <paramref name="errorType"/>; returns the error body.</summary>
    private static async Task<JsonElement> AssertUnprocessableAsync(Task<(HttpStatusCode Status, JsonElement Body)> request, string errorType)
    {
        var (status, body) = await request;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(errorType, FakeApiSession.ErrorType(body));
        return body;
    }

    [Fact]
    public async Task AnIteratorUnusedForItsLifetimeAnswersIteratorNotAvailable()
    {
        var time = new FakeTimeProvider(SampleWorkspaceGenerator.SampleAnchor);
        var (fake, b, table) = await StartWithRecordsAsync(250, time);
        await using var lifetime = fake;
        var (_, first) = await fake.GetAsync($"/v0/{b.Id}/{table.Id}");
        var offset = first.GetProperty("offset").GetString() ?? "";
        Assert.Matches("^itr[A-Za-z0-9]{14}/rec[A-Za-z0-9]{14}$", offset);

        time.Advance(fake.State.Options.IteratorLifetime - TimeSpan.FromSeconds(1));
        var (stillAlive, second) = await fake.GetAsync($"/v0/{b.Id}/{table.Id}?offset={Uri.EscapeDataString(offset)}");
        Assert.Equal(HttpStatusCode.OK, stillAlive);

        // Using the iterator renewed it; now leave it idle for its whole lifetime.
        time.Advance(fake.State.Options.IteratorLifetime);
        var next = second.GetProperty("offset").GetString() ?? "";
        var body = await AssertUnprocessableAsync(fake.GetAsync($"/v0/{b.Id}/{table.Id}?offset={Uri.EscapeDataString(next)}"), "LIST_RECORDS_ITERATOR_NOT_AVAILABLE");
        Assert.False(body.GetProperty("error").TryGetProperty("message", out _));
    }

    [Fact]
    public async Task ExpiringAllIteratorsMakesTheNextPageAnswerIteratorNotAvailable()
    {
        var (fake, b, table) = await StartWithRecordsAsync(150);
        await using var lifetime = fake;
        var (_, first) = await fake.GetAsync($"/v0/{b.Id}/{table.Id}");
        fake.State.Iterators.ExpireAll();
        await AssertUnprocessableAsync(fake.GetAsync($"/v0/{b.Id}/{table.Id}?offset={Uri.EscapeDataString(first.GetProperty("offset").GetString() ?? "")}"), "LIST_RECORDS_ITERATOR_NOT_AVAILABLE");
    }

    [Fact]
    public async Task AMalformedOffsetIsRejectedAsInvalid()
    {
        var (fake, b, table) = await StartWithRecordsAsync(5);
        await using var lifetime = fake;
        await AssertUnprocessableAsync(fake.GetAsync($"/v0/{b.Id}/{table.Id}?offset=banana"), "INVALID_OFFSET_VALUE");
    }

    [Fact]
    public async Task RecordsDeletedOrAddedDuringAScanNeitherDuplicateNorShiftTheSnapshot()
    {
        var (fake, b, table) = await StartWithRecordsAsync(300);
        await using var lifetime = fake;
        var all = fake.State.Workspace.GetRecords(b.Id, table.Id);
        var (_, first) = await fake.GetAsync($"/v0/{b.Id}/{table.Id}");
        // Delete a record the next page would have returned, one already returned, and add a new one.
        fake.State.Workspace.DeleteRecord(b.Id, table.Id, all[150].Id);
        fake.State.Workspace.DeleteRecord(b.Id, table.Id, all[10].Id);
        fake.State.Workspace.AddRecord(b.Id, table.Id, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { [table.PrimaryFieldId] = "late" });

        var ids = first.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var offset = first.GetProperty("offset").GetString();
        while (offset is not null)
        {
            var (status, page) = await fake.GetAsync($"/v0/{b.Id}/{table.Id}?offset={Uri.EscapeDataString(offset)}");
            Assert.Equal(HttpStatusCode.OK, status);
            ids.AddRange(page.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
            offset = page.TryGetProperty("offset", out var o) ? o.GetString() : null;
        }
        Assert.Equal(all.Select(r => r.Id).Where(id => id != all[150].Id), ids);
    }

    [Fact]
    public async Task PostListRecordsTakesItsOffsetInTheBody()
    {
        var (fake, b, table) = await StartWithRecordsAsync(230);
        await using var lifetime = fake;
        var ids = new List<string?>();
        string? offset = null;
        do
        {
            var body = offset is null ? """{"pageSize":100,"returnFieldsByFieldId":true}""" : $$"""{"pageSize":100,"returnFieldsByFieldId":true,"offset":"{{offset}}"}""";
            var (status, page) = await fake.PostAsync($"/v0/{b.Id}/{table.Id}/listRecords?timeZone=Europe%2FParis&userLocale=fr", body);
            Assert.Equal(HttpStatusCode.OK, status);
            ids.AddRange(page.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
            Assert.All(page.GetProperty("records").EnumerateArray(), r => Assert.All(r.GetProperty("fields").EnumerateObject(), f => Assert.StartsWith("fld", f.Name, StringComparison.Ordinal)));
            offset = page.TryGetProperty("offset", out var o) ? o.GetString() : null;
        }
        while (offset is not null);
        Assert.Equal(fake.State.Workspace.GetRecords(b.Id, table.Id).Select(r => r.Id), ids);
    }

    [Fact]
    public async Task PostListRecordsRefusesAnOffsetInTheQueryString()
    {
        var (fake, b, table) = await StartWithRecordsAsync(150);
        await using var lifetime = fake;
        var (_, first) = await fake.PostAsync($"/v0/{b.Id}/{table.Id}/listRecords", "{}");
        var offset = Uri.EscapeDataString(first.GetProperty("offset").GetString() ?? "");
        await AssertUnprocessableAsync(fake.PostAsync($"/v0/{b.Id}/{table.Id}/listRecords?offset={offset}", "{}"), "INVALID_REQUEST_UNKNOWN");
    }

    [Fact]
    public async Task MaxRecordsCapsTheTotalAcrossPages()
    {
        var (fake, b, table) = await StartWithRecordsAsync(300);
        await using var lifetime = fake;
        var records = await fake.ListAllAsync(b.Id, table.Id, "pageSize=40&maxRecords=130");
        Assert.Equal(130, records.Count);
    }

    [Fact]
    public async Task SortOrdersRecordsAcrossPagesAndAnUnknownSortFieldIsRejected()
    {
        var (fake, b, table) = await StartWithRecordsAsync(250);
        await using var lifetime = fake;
        var number = table.Fields.Single(f => f.Type == "number");
        var records = await fake.ListAllAsync(b.Id, table.Id, $"sort%5B0%5D%5Bfield%5D={Uri.EscapeDataString(number.Name)}&sort%5B0%5D%5Bdirection%5D=desc&returnFieldsByFieldId=true");
        var values = records.Select(r => r.GetProperty("fields").TryGetProperty(number.Id, out var v) ? v.GetDouble() : double.NegativeInfinity).ToList();
        Assert.Equal(250, values.Count);
        Assert.Equal(values.OrderDescending(), values);

        await AssertUnprocessableAsync(fake.GetAsync($"/v0/{b.Id}/{table.Id}?sort%5B0%5D%5Bfield%5D=Nope"), "UNKNOWN_FIELD_NAME");
    }

    [Fact]
    public async Task AKnownViewIsAcceptedAndAnUnknownViewIsRejected()
    {
        var (fake, b, table) = await StartWithRecordsAsync(20);
        await using var lifetime = fake;
        var (ok, _) = await fake.GetAsync($"/v0/{b.Id}/{table.Id}?view={table.Views[0].Id}");
        Assert.Equal(HttpStatusCode.OK, ok);
        await AssertUnprocessableAsync(fake.GetAsync($"/v0/{b.Id}/{table.Id}?view=Nope"), "VIEW_NAME_NOT_FOUND");
    }
}
