using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Tests.Api;
using AirtableSync.Tests.Export;
using AirtableSync.Tests.Ui;

namespace AirtableSync.Tests.Activity;

/// <summary>GET /api/v1/bases/{baseId}/activity and activity.csv on the loopback app, over a real SQLite store.</summary>
public sealed class ActivityApiTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly string Feed = $"/api/v1/bases/{SampleBase.BaseId}/activity";

    private static async Task<ApiTestContext> StartAsync()
    {
        var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1), connectWithConfiguredToken: false);
        await ActivitySeed.SeedAsync(context.Store, Ct);
        return context;
    }

    private static async Task<JsonObject> GetAsync(ApiTestContext context, string query)
    {
        using var response = await context.Client.GetAsync(Feed + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ApiTestContext.ReadAsync<JsonObject>(response);
    }

    private static string[] Activities(JsonObject page) => [.. page["items"]!.AsArray().Select(i => i!["activityId"]!.GetValue<string>())];

    [Fact]
    public async Task TheFeedPagesNewestFirstWithRecordTitlesAndTheSchemasCurrentNames()
    {
        await using var context = await StartAsync();

        var first = await GetAsync(context, "?take=2");
        var second = await GetAsync(context, $"?take=2&cursor={Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>())}");
        var last = await GetAsync(context, $"?take=2&cursor={Uri.EscapeDataString(second["nextCursor"]!.GetValue<string>())}");

        Assert.Equal(["act5", "act4"], Activities(first));
        Assert.Equal(["act3", "act2"], Activities(second));
        Assert.Equal(["act1"], Activities(last));
        Assert.Null(last["nextCursor"]);
        var people = first["items"]![0]!;
        Assert.Equal(("recAda0000000001", "Ada Lovelace", SampleBase.People, "People", "fldPName", "Name"),
            (people["recordId"]!.GetValue<string>(), people["recordTitle"]!.GetValue<string>(), people["tableId"]!.GetValue<string>(),
             people["tableName"]!.GetValue<string>(), people["fieldId"]!.GetValue<string>(), people["fieldName"]!.GetValue<string>()));
        var owner = first["items"]![1]!;
        Assert.Equal(("Project 003", "assignee", "nullToValue"), (owner["recordTitle"]!.GetValue<string>(), owner["kind"]!.GetValue<string>(), owner["changeKind"]!.GetValue<string>()));
        Assert.Null(owner["oldValue"]);
        Assert.Equal("Ada L", owner["newValue"]!.GetValue<string>());
        Assert.Equal(ActivitySeed.T.AddMinutes(3), owner["changedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(TimeSpan.Zero, owner["changedAt"]!.GetValue<DateTimeOffset>().Offset);
        Assert.Equal(("usrAda", "Ada L", "ada@example.com"), (owner["actor"]!["id"]!.GetValue<string>(), owner["actor"]!["name"]!.GetValue<string>(), owner["actor"]!["email"]!.GetValue<string>()));
    }

    [Fact]
    public async Task EveryFilterNarrowsTheFeed()
    {
        await using var context = await StartAsync();

        Assert.Equal(["act4", "act3", "act2", "act1"], Activities(await GetAsync(context, $"?tableId={SampleBase.Projects}")));
        Assert.Equal(["act3", "act1"], Activities(await GetAsync(context, $"?tableId={SampleBase.Projects}&fieldId=fldStatus")));
        Assert.Equal(["act3", "act2"], Activities(await GetAsync(context, "?actor=usrBob")));
        Assert.Equal(["act3", "act1"], Activities(await GetAsync(context, "?kind=status")));
        Assert.Equal(["act4", "act3", "act2"], Activities(await GetAsync(context, "?from=2026-05-09T10:02:00Z&to=2026-05-09T10:04:00Z")));
        Assert.Equal(["act2"], Activities(await GetAsync(context, "?q=%C3%9CBERPR%C3%9CFUNG")));
        Assert.Empty(Activities(await GetAsync(context, "?actor=usrNobody")));
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("take=201", "take")]
    [InlineData("take=ten", "take")]
    [InlineData("kind=rename", "kind")]
    [InlineData("kind=1", "kind")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-05-09&to=2026-05-09", "to")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor")]
    [InlineData("tableId=tblNope", "tableId")]
    [InlineData("fieldId=fldNope", "fieldId")]
    [InlineData("tableId=tblPeople000001&fieldId=fldStatus", "fieldId")]
    public async Task ABadValueIsRefusedUnderItsParametersKey(string query, string key)
    {
        await using var context = await StartAsync();

        foreach (var path in new[] { $"{Feed}?{query}", $"{Feed}.csv?{query}" })
        {
            using var response = await context.Client.GetAsync(path, Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await ApiTestContext.ReadAsync<JsonObject>(response);
            Assert.Equal([key], problem["errors"]!.AsObject().Select(e => e.Key));
        }
    }

    [Fact]
    public async Task AnUnknownBaseIsNotFound()
    {
        await using var context = await StartAsync();

        foreach (var path in new[] { "/api/v1/bases/appUnknown000001/activity", "/api/v1/bases/appUnknown000001/activity.csv" })
        {
            using var response = await context.Client.GetAsync(path, Ct);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task TheCsvHoldsWhatTheFiltersSelectNewestFirst()
    {
        await using var context = await StartAsync();

        using var response = await context.Client.GetAsync($"{Feed}.csv?tableId={SampleBase.Projects}&actor=usrBob", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var rows = CsvRows.Parse(System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("Sample-base-Projects-activity.csv", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Equal(
        [
            ["Changed at (UTC)", "Record ID", "Record", "Table ID", "Table", "Field ID", "Field", "Kind", "Change", "Old value", "New value", "Actor ID", "Actor", "Actor email"],
            ["2026-05-09T10:03:00.000Z", SampleBase.ProjectId(1), "Project 001", SampleBase.Projects, "Projects", "fldStatus", "Status", "Status", "Diff", "Doing", "Done", "usrBob", "Bob B", "bob@example.com"],
            ["2026-05-09T10:02:00.000Z", SampleBase.ProjectId(2), "Project 002", SampleBase.Projects, "Projects", "fldNotes", "Notes", "Field", "Diff", "notes for 2", "Überprüfung nötig", "usrBob", "Bob B", "bob@example.com"],
        ], rows);
    }
}
