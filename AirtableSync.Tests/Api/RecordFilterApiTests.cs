using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AirtableSync.Sandbox.PublicApi;

namespace AirtableSync.Tests.Api;

/// <summary>The records endpoint's per-field filters, over loopback HTTP against the app's real SQLite store.</summary>
public sealed class RecordFilterApiTests
{
    private const string Records = "/api/v1/bases/appFilters/tables/tblTasks/records";
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    // A table of our own, written straight into the app's store: the endpoint reads only the local copy.
    private static async Task<ApiTestContext> StartWithTasksAsync()
    {
        var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1));
        var table = new TableSchema("tblTasks", "Tasks", "fldName", null,
            [
                new FieldSchema("fldName", "Name", "singleLineText", null, null),
                new FieldSchema("fldStatus", "Status", "singleSelect", null, """{"choices":[{"id":"selT","name":"Todo"},{"id":"selD","name":"Doing"},{"id":"selX","name":"Done"}]}"""),
                new FieldSchema("fldOwner", "Owner", "singleCollaborator", null, null),
                new FieldSchema("fldDue", "Due", "date", null, null),
                new FieldSchema("fldAt", "At", "dateTime", null, """{"timeZone":"Europe/Paris"}"""),
            ],
            []);
        await context.Store.ApplyBaseSchemaAsync("appFilters", [table], At, Ct);
        RecordData Record(string id, int minute, string fields) => new(id, At.AddMinutes(minute), fields);
        await context.Store.UpsertRecordsAsync("appFilters", "tblTasks",
            [
                Record("recTodo", 1, """{"fldName":"Write docs","fldStatus":"Todo","fldOwner":{"id":"usrAda","name":"Ada"},"fldDue":"2025-10-01","fldAt":"2025-10-27T23:30:00.000Z"}"""),
                Record("recDoing", 2, """{"fldName":"Fix bug","fldStatus":"Doing","fldOwner":{"id":"usrBob","name":"Bob"},"fldDue":"2025-10-31"}"""),
                Record("recDone", 3, """{"fldName":"Write tests","fldStatus":"Done","fldDue":"2025-11-01","fldAt":"2025-10-28T00:30:00.000Z"}"""),
                Record("recBlank", 4, """{"fldName":"Write more"}"""),
            ],
            At, Ct);
        return context;
    }

    private static async Task<string[]> IdsAsync(ApiTestContext context, string query)
    {
        using var response = await context.Client.GetAsync($"{Records}?{query}", Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        var page = await ApiTestContext.ReadAsync<JsonObject>(response);
        return [.. page["records"]!.AsArray().Select(r => r!["id"]!.GetValue<string>())];
    }

    [Fact]
    public async Task RecordsAreFilteredByOptionsPeopleBlanksAndDaysGivenAsBracketedParameters()
    {
        await using var context = await StartWithTasksAsync();

        Assert.Equal(["recTodo", "recDoing"], await IdsAsync(context, "filter[fldStatus]=Todo&filter[fldStatus]=Doing"));
        Assert.Equal(["recTodo", "recBlank"], await IdsAsync(context, "filter[fldStatus]=Todo&blank[fldStatus]=true"));
        Assert.Equal(["recBlank"], await IdsAsync(context, "blank[fldStatus]=true"));
        Assert.Equal(["recTodo", "recDoing", "recDone", "recBlank"], await IdsAsync(context, "blank[fldStatus]=false"));
        Assert.Equal(["recDoing"], await IdsAsync(context, "filter[fldOwner]=usrBob"));
        Assert.Equal(["recTodo", "recDoing"], await IdsAsync(context, "from[fldDue]=2025-10-01&to[fldDue]=2025-10-31"));
        Assert.Equal(["recDoing", "recDone"], await IdsAsync(context, "from[fldDue]=2025-10-02"));
        // Days of date-time cells are UTC days: 23:30Z on the 27th is the 27th, although Paris is already on the 28th.
        Assert.Equal(["recTodo"], await IdsAsync(context, "to[fldAt]=2025-10-27"));
        Assert.Equal(["recTodo"], await IdsAsync(context, "q=write&filter[fldStatus]=Todo&filter[fldStatus]=Doing&to[fldDue]=2025-10-31"));
    }

    [Fact]
    public async Task FilteredPagesAreCursorPagedOverTheFilteredRecordsOnly()
    {
        await using var context = await StartWithTasksAsync();

        var first = await context.Client.GetFromJsonAsync<JsonObject>($"{Records}?limit=1&filter[fldStatus]=Done&filter[fldStatus]=Doing", Ct);
        var cursor = first!["nextCursor"]!.GetValue<string>();
        var second = await context.Client.GetFromJsonAsync<JsonObject>($"{Records}?limit=1&filter[fldStatus]=Done&filter[fldStatus]=Doing&cursor={cursor}", Ct);

        Assert.Equal("recDoing", first["records"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("recDone", Assert.Single(second!["records"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Null(second["nextCursor"]);
    }

    [Theory]
    [InlineData("from[fldDue]=2025-13-01", "from[fldDue]")]
    [InlineData("to[fldDue]=31/10/2025", "to[fldDue]")]
    [InlineData("from[fldDue]=2025-10-01&from[fldDue]=2025-10-02", "from[fldDue]")]
    [InlineData("from[fldDue]=2025-10-02&to[fldDue]=2025-10-01", "from[fldDue]")]
    [InlineData("filter[fldNope]=x", "filter[fldNope]")]
    [InlineData("filter[fldName]=Fix%20bug", "filter[fldName]")]
    [InlineData("from[fldStatus]=2025-10-01", "from[fldStatus]")]
    [InlineData("blank[fldDue]=true", "blank[fldDue]")]
    [InlineData("blank[fldStatus]=maybe", "blank[fldStatus]")]
    public async Task BadFilterParametersAreProblemsNamingTheParameter(string query, string parameter)
    {
        await using var context = await StartWithTasksAsync();

        using var response = await context.Client.GetAsync($"{Records}?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ApiTestContext.ReadAsync<JsonObject>(response))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(parameter), errors.ToJsonString());
    }

    [Fact]
    public async Task TooManyValuesForOneFieldAreAProblemNotAServerError()
    {
        await using var context = await StartWithTasksAsync();

        using var response = await context.Client.GetAsync($"{Records}?{string.Join('&', Enumerable.Range(0, 101).Select(i => $"filter[fldStatus]=o{i}"))}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiTestContext.ReadAsync<JsonObject>(response))["errors"]!.AsObject();
        Assert.Contains("at most 100", errors["filter"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
