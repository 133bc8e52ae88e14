using System.Net;
using System.Text.Json.Nodes;
using AirtableSync.Analytics;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Analytics;

/// <summary>
/// The analytics endpoints over loopback, on the app's real store seeded directly, with the app's clock at T + 10 days.
/// One record: created in Todo at T (Monday 2026-03-02 09:00 UTC), Doing at T + 1 h, Done at T + 3 h, held by Ada throughout.
/// </summary>
public sealed class AnalyticsApiTests
{
    private static readonly DateTimeOffset T = AnalyticsTable.T;
    private static readonly DateTimeOffset Now = T.AddDays(10);
    private const string Tables = "/api/v1/tables/" + AnalyticsTable.TableId;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static async Task<ApiTestContext> StartAsync()
    {
        var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1),
            services: services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        var store = context.Store;
        await store.ApplyBaseListAsync([new BaseInfo(AnalyticsTable.BaseId, "Analytics", "create")], T, Ct);
        await store.ApplyBaseSchemaAsync(AnalyticsTable.BaseId,
            [new TableSchema(AnalyticsTable.TableId, "Tasks", "fldName000000001", null,
            [
                new FieldSchema("fldName000000001", "Name", "singleLineText", null, null),
                new FieldSchema(AnalyticsTable.Status, "Status", "singleSelect", null, """{"choices":[{"id":"selTodo","name":"Todo"},{"id":"selDoing","name":"Doing"},{"id":"selDone","name":"Done"}]}"""),
                new FieldSchema(AnalyticsTable.Assignee, "Assignee", "multipleCollaborators", null, null),
            ], [])], T, Ct);
        await store.UpsertRecordsAsync(AnalyticsTable.BaseId, AnalyticsTable.TableId,
            [new RecordData("rec1", T, $$"""{"{{AnalyticsTable.Status}}":"Done","{{AnalyticsTable.Assignee}}":[{"id":"usrAda","name":"Ada"}]}""")], T, Ct);
        await store.UpsertRevisionEventsAsync([Change("act1", T.AddHours(1), "Todo", "Doing"), Change("act2", T.AddHours(3), "Doing", "Done")], Ct);
        return context;
    }

    private static RevisionEvent Change(string activity, DateTimeOffset at, string from, string to) => new()
    {
        RecordId = "rec1", BaseId = AnalyticsTable.BaseId, TableId = AnalyticsTable.TableId, ActivityId = activity, FieldId = AnalyticsTable.Status,
        Kind = RevisionEventKind.Status, OldValues = [from], NewValues = [to], ChangedAt = at,
    };

    private static async Task<T> GetAsync<T>(ApiTestContext context, string path)
    {
        using var response = await context.Client.GetAsync(path, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await ApiTestContext.ReadAsync<T>(response);
    }

    [Fact]
    public async Task StatusDurationsAnswerPerStatusCountsAndSecondsInUtc()
    {
        await using var context = await StartAsync();

        var report = await GetAsync<StatusDurationsReport>(context, $"{Tables}/status-durations?from=2026-03-02&to=2026-03-03");
        using var raw = await context.Client.GetAsync($"{Tables}/status-durations?from=2026-03-02&to=2026-03-03", Ct);
        var json = JsonNode.Parse(await raw.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), report.From);
        Assert.Equal(
            [
                new StatusDurationRow(new StatusRef("selTodo", "Todo"), 0, 1, 1, new DurationSummary(1, 3600, 3600, 3600, 3600)),
                new StatusDurationRow(new StatusRef("selDoing", "Doing"), 0, 1, 1, new DurationSummary(1, 7200, 7200, 7200, 7200)),
                // Done from 12:00 to the period's end at midnight.
                new StatusDurationRow(new StatusRef("selDone", "Done"), 1, 1, 0, new DurationSummary(1, 43_200, 43_200, 43_200, 43_200)),
            ],
            report.Statuses);
        Assert.Equal("2026-03-12T09:00:00+00:00", json["now"]!.GetValue<string>());
        Assert.Equal("selTodo", json["statuses"]![0]!["status"]!["choiceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task CycleTimeTakesStatusesByNameOrChoiceId()
    {
        await using var context = await StartAsync();

        var report = await GetAsync<CycleTimeReport>(context, $"{Tables}/cycle-time?fromStatus=Todo&toStatus=selDone&from=2026-03-01&to=2026-03-08&tz=Europe/Paris");

        Assert.Equal([new RecordCycle("rec1", T, T.AddHours(3), 10_800)], report.Cycles);
        Assert.Equal([new CycleWeek(2026, 10, new DateOnly(2026, 3, 2), 1, 10_800)], report.Weeks);
        Assert.Equal((new StatusRef("selTodo", "Todo"), new StatusRef("selDone", "Done")), (report.FromStatus, report.ToStatus));
    }

    [Fact]
    public async Task FlowAnswersOneCountPerStatusPerDay()
    {
        await using var context = await StartAsync();

        var report = await GetAsync<FlowReport>(context, $"{Tables}/flow?from=2026-03-01&to=2026-03-04");

        Assert.Equal(["2026-03-01:0,0,0", "2026-03-02:0,0,1", "2026-03-03:0,0,1"], report.Days.Select(d => $"{d.Day:yyyy-MM-dd}:{string.Join(",", d.Counts)}"));
    }

    [Fact]
    public async Task StuckAnswersNoRecordWhenNoneIsPastItsP90()
    {
        await using var context = await StartAsync();

        var report = await GetAsync<StuckReport>(context, $"{Tables}/stuck?limit=5");

        Assert.Equal((0, 0), (report.Total, report.Records.Count));
    }

    [Fact]
    public async Task AssignmentsAnswerPersonRecordStatusSecondsAndCsv()
    {
        await using var context = await StartAsync();

        var report = await GetAsync<AssignmentReport>(context, $"{Tables}/assignments?from=2026-03-02T09:00:00Z&to=2026-03-02T13:00:00Z&period=month");
        using var csv = await context.Client.GetAsync($"{Tables}/assignments?from=2026-03-02T09:00:00Z&to=2026-03-02T13:00:00Z&format=csv", Ct);

        Assert.Equal(["Ada rec1 Doing 7200", "Ada rec1 Done 3600", "Ada rec1 Todo 3600"], report.Rows.Select(r => $"{r.Person} {r.RecordId} {r.Status.Name} {r.Seconds}"));
        Assert.Equal([new DateOnly(2026, 3, 1)], report.Periods.Select(p => p.PeriodStart).Distinct());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("person,recordId,statusChoiceId,status,seconds\r\nAda,rec1,selDoing,Doing,7200\r\nAda,rec1,selDone,Done,3600\r\nAda,rec1,selTodo,Todo,3600\r\n",
            await csv.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("status-durations?from=yesterday", "from")]
    [InlineData("status-durations?from=2026-03-02T09:00:00", "from")]
    [InlineData("flow?from=2026-03-05&to=2026-03-01", "from")]
    [InlineData("flow?tz=Mars/Olympus", "tz")]
    [InlineData("flow?from=2000-01-01&to=2026-01-01", "to")]
    [InlineData("cycle-time?toStatus=Done", "fromStatus")]
    [InlineData("cycle-time?fromStatus=Done&toStatus=selDone", "toStatus")]
    [InlineData("stuck?limit=0", "limit")]
    [InlineData("assignments?period=year", "period")]
    [InlineData("assignments?format=xml", "format")]
    public async Task BadParametersAreRefusedUnderTheirName(string query, string parameter)
    {
        await using var context = await StartAsync();

        using var response = await context.Client.GetAsync($"{Tables}/{query}", Ct);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Theory]
    [InlineData("status-durations")]
    [InlineData("cycle-time?fromStatus=Todo&toStatus=Done")]
    [InlineData("flow")]
    [InlineData("stuck")]
    [InlineData("assignments")]
    public async Task AnUnknownTableIsNotFoundAndAMalformedIdABadRequest(string report)
    {
        await using var context = await StartAsync();

        using var unknown = await context.Client.GetAsync($"/api/v1/tables/tblUnknown0000001/{report}", Ct);
        using var malformed = await context.Client.GetAsync($"/api/v1/tables/tasks/{report}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.NotNull(JsonNode.Parse(await malformed.Content.ReadAsStringAsync(Ct))!["errors"]!["tableId"]);
    }
}
