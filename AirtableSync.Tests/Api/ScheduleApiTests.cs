using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Sync;
using AirtableSync.Tests.Connections;
using AirtableSync.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Api;

/// <summary>GET and PUT /api/v1/schedule over loopback, on the app's real store, with the app's clock frozen at a Monday 09:00 UTC.</summary>
public sealed class ScheduleApiTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly SyncSchedule Nightly = new("*/30 * * * *", "0 2 * * *", "America/New_York");

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static Task<ApiTestContext> StartAsync(CapturingLoggerProvider? logs = null) =>
        ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1), services: services =>
        {
            // Frozen: the scheduler never ticks, so no sync starts while a test edits the schedule.
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
            if (logs is not null)
            {
                services.AddSingleton<ILoggerProvider>(logs);
            }
        });

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string body) =>
        client.PutAsync("/api/v1/schedule", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

    private static async Task<SyncSchedule> SettingsPageScheduleAsync(ApiTestContext context)
    {
        await using var scope = context.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SyncScheduleStore>().GetAsync(Ct);
    }

    private static async Task SaveFromSettingsPageAsync(ApiTestContext context, SyncSchedule schedule)
    {
        await using var scope = context.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SyncScheduleStore>().SaveAsync(schedule, Ct);
    }

    private static DateTimeOffset? Instant(JsonObject body, string name) => body[name]?.GetValue<DateTimeOffset>();

    [Fact]
    public async Task AFreshAppAnswersTheScheduleOffInUtcWithNoNextRuns()
    {
        await using var context = await StartAsync();

        var response = await context.Client.GetAsync("/api/v1/schedule", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiTestContext.ReadAsync<JsonObject>(response);
        Assert.Null(body["incrementalCron"]);
        Assert.Null(body["fullCron"]);
        Assert.Equal("UTC", body["timeZone"]!.GetValue<string>());
        Assert.Null(body["nextIncrementalAt"]);
        Assert.Null(body["nextFullAt"]);
        Assert.True(body.ContainsKey("nextFullAt"), "off is an explicit null, so clients can tell it from a missing field");
    }

    [Fact]
    public async Task ASavedScheduleIsReadBackWithItsNextRunsInItsZone()
    {
        await using var context = await StartAsync();

        var put = await context.Client.PutAsJsonAsync("/api/v1/schedule",
            new { incrementalCron = "*/15 * * * *", fullCron = "0 3 * * *", timeZone = "Europe/Paris" }, Ct);
        var saved = await ApiTestContext.ReadAsync<JsonObject>(put);
        var read = await context.Client.GetFromJsonAsync<JsonObject>("/api/v1/schedule", Ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True(JsonNode.DeepEquals(saved, read), $"PUT answered {saved.ToJsonString()}, GET {read?.ToJsonString()}");
        Assert.Equal("*/15 * * * *", read!["incrementalCron"]!.GetValue<string>());
        Assert.Equal("0 3 * * *", read["fullCron"]!.GetValue<string>());
        Assert.Equal("Europe/Paris", read["timeZone"]!.GetValue<string>());
        // 09:00 UTC is 11:00 in Paris (summer time, UTC+2): next quarter hour 09:15 UTC, next 03:00 Paris is 01:00 UTC tomorrow.
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 9, 15, 0, TimeSpan.Zero), Instant(read, "nextIncrementalAt"));
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 1, 0, 0, TimeSpan.Zero), Instant(read, "nextFullAt"));
    }

    [Fact]
    public async Task AMissingTimeZoneMeansUtcAndAMissingCronTurnsThatSyncOff()
    {
        await using var context = await StartAsync();
        await SaveFromSettingsPageAsync(context, Nightly);

        var put = await PutAsync(context.Client, """{"fullCron":"0 6 * * *"}""");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var body = await ApiTestContext.ReadAsync<JsonObject>(put);
        Assert.Equal("UTC", body["timeZone"]!.GetValue<string>());
        Assert.Null(body["incrementalCron"]);
        Assert.Null(body["nextIncrementalAt"]);
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 6, 0, 0, TimeSpan.Zero), Instant(body, "nextFullAt"));
        Assert.Equal(new SyncSchedule(null, "0 6 * * *", "UTC"), await SettingsPageScheduleAsync(context));
    }

    [Fact]
    public async Task TheScheduleSavedOverTheApiIsWhatTheSettingsPageReadsAndTheOtherWayRound()
    {
        await using var context = await StartAsync();

        (await context.Client.PutAsJsonAsync("/api/v1/schedule", new { incrementalCron = "5 * * * *", fullCron = (string?)null, timeZone = "Asia/Tokyo" }, Ct))
            .EnsureSuccessStatusCode();
        Assert.Equal(new SyncSchedule("5 * * * *", null, "Asia/Tokyo"), await SettingsPageScheduleAsync(context));

        await SaveFromSettingsPageAsync(context, Nightly);
        var read = await context.Client.GetFromJsonAsync<JsonObject>("/api/v1/schedule", Ct);
        Assert.Equal(Nightly.IncrementalCron, read!["incrementalCron"]!.GetValue<string>());
        Assert.Equal(Nightly.FullCron, read["fullCron"]!.GetValue<string>());
        Assert.Equal(Nightly.TimeZone, read["timeZone"]!.GetValue<string>());
        // 09:00 UTC is 05:00 in New York (UTC-4 in June): today's 02:00 there has passed, tomorrow's is 06:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 6, 0, 0, TimeSpan.Zero), Instant(read, "nextFullAt"));
    }

    [Theory]
    [InlineData("""{"incrementalCron":"every day","fullCron":"0 3 * * *"}""", "incrementalCron", "\"every day\" is not a cron expression")]
    [InlineData("""{"incrementalCron":"*/15 * * * *","fullCron":"61 3 * * *"}""", "fullCron", "\"61 3 * * *\" is not a cron expression")]
    [InlineData("""{"fullCron":"0 3 * * *","timeZone":"Mars/Olympus_Mons"}""", "timeZone", "\"Mars/Olympus_Mons\" is not a time zone this server knows")]
    public async Task AnInvalidScheduleIsAProblemWithTheStoresMessageAndNothingIsSaved(string body, string field, string message)
    {
        await using var context = await StartAsync();
        await SaveFromSettingsPageAsync(context, Nightly);

        var response = await PutAsync(context.Client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiTestContext.ReadAsync<JsonObject>(response);
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        var errors = problem["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        Assert.Contains(message, errors[field]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Nightly, await SettingsPageScheduleAsync(context));
    }

    [Theory]
    [InlineData("""{"incrementalCron":"*/5 * * * *""")]
    [InlineData("""{"incrementalCron":5}""")]
    [InlineData("")]
    public async Task AMalformedOrMissingBodyIsABadRequestAndNothingIsSaved(string body)
    {
        await using var context = await StartAsync();
        await SaveFromSettingsPageAsync(context, Nightly);

        var response = await PutAsync(context.Client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, (await ApiTestContext.ReadAsync<JsonObject>(response))["status"]!.GetValue<int>());
        Assert.Equal(Nightly, await SettingsPageScheduleAsync(context));
    }

    [Fact]
    public async Task AReadOnlyKeyMayReadTheScheduleButNotChangeIt()
    {
        await using var context = await StartAsync();
        await SaveFromSettingsPageAsync(context, Nightly);
        var key = await context.App.Services.GetRequiredService<ApiKeys>().CreateAsync("reader", ApiKeyScope.ReadOnly, "test", Ct);
        using var reader = context.App.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new("Bearer", key.Key);

        var read = await reader.GetAsync("/api/v1/schedule", Ct);
        var write = await PutAsync(reader, """{"incrementalCron":"* * * * *"}""");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(Nightly.FullCron, (await ApiTestContext.ReadAsync<JsonObject>(read))["fullCron"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(Nightly, await SettingsPageScheduleAsync(context));
    }

    [Fact]
    public async Task CallersWithoutAKeyCanNeitherReadNorChangeTheSchedule()
    {
        await using var context = await StartAsync();
        using var anonymous = context.App.CreateClient();

        var read = await anonymous.GetAsync("/api/v1/schedule", Ct);
        var write = await PutAsync(anonymous, """{"incrementalCron":"* * * * *"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal(SyncSchedule.Off, await SettingsPageScheduleAsync(context));
    }

    [Fact]
    public async Task AChangeIsLoggedAtInformationWithTheNewScheduleAndNeverTheKey()
    {
        var logs = new CapturingLoggerProvider();
        await using var context = await StartAsync(logs);

        (await PutAsync(context.Client, """{"incrementalCron":"*/20 * * * *","timeZone":"Europe/Paris"}""")).EnsureSuccessStatusCode();

        var line = Assert.Single(logs.Lines, l => l.Contains("Sync schedule changed", StringComparison.Ordinal));
        Assert.StartsWith("Information ", line, StringComparison.Ordinal);
        Assert.Contains("*/20 * * * *", line, StringComparison.Ordinal);
        Assert.Contains("Europe/Paris", line, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(ApiTestContext.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesReadingAndChangingTheSchedule()
    {
        await using var context = await StartAsync();

        var document = await context.Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json", Ct);

        var path = document!["paths"]!["/api/v1/schedule"]!.AsObject();
        Assert.Equal(["get", "put"], path.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.NotNull(path["put"]!["requestBody"]);
        Assert.All(path, operation => Assert.False(string.IsNullOrWhiteSpace(operation.Value!["summary"]?.GetValue<string>())));
        var response = document["components"]!["schemas"]!["ScheduleResponse"]!["properties"]!.AsObject();
        Assert.Contains("nextIncrementalAt", response.Select(p => p.Key));
    }
}
