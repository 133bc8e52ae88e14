using System.Net;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Sandbox;

public class FakeErrorAnswerTests
{
    [Fact]
    public async Task MissingUnknownAndExpiredTokensAreAuthenticationRequired()
    {
        var time = new FakeTimeProvider(SampleWorkspaceGenerator.SampleAnchor);
        await using var fake = await FakeApiSession.StartAsync(timeProvider: time);
        fake.State.Tokens.Add(new FakeAccessToken("oaa-expiring", FakeTokenKind.OAuthAccess, "usrSandboxAdmin01", ["schema.bases:read"], time.GetUtcNow().AddMinutes(60)));
        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync("/v0/meta/bases", "oaa-expiring")).Status);
        time.Advance(TimeSpan.FromMinutes(60));

        var answers = new[]
        {
            await fake.GetAsync("/v0/meta/bases", "patNotARealToken01.nope"),
            await fake.GetAsync("/v0/meta/bases", "oaa-expiring"),
            await SendWithoutAuthorizationAsync(fake, "/v0/meta/bases"),
        };
        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.Unauthorized, a.Status);
            Assert.Equal("AUTHENTICATION_REQUIRED", FakeApiSession.ErrorType(a.Body));
            Assert.False(string.IsNullOrEmpty(a.Body.GetProperty("error").GetProperty("message").GetString()));
        });
    }

    [Fact]
    public async Task TheLegacyApiKeyQueryParameterIsRefusedEvenWithAValidBearer()
    {
        await using var fake = await FakeApiSession.StartAsync();
        var (status, body) = await fake.GetAsync($"/v0/meta/bases?api_key={FakeApiSession.TestToken}");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("AUTHENTICATION_REQUIRED", FakeApiSession.ErrorType(body));
    }

    [Fact]
    public async Task ATokenWithoutTheRecordsScopeCannotListRecords()
    {
        await using var fake = await FakeApiSession.StartAsync();
        var schemaOnly = fake.AddToken("patSchemaOnly0001.x", "schema.bases:read");
        var baseId = fake.State.Workspace.GetBases()[0].Id;
        var (status, body) = await fake.GetAsync($"/v0/{baseId}/Tasks", schemaOnly);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND", FakeApiSession.ErrorType(body));
        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync($"/v0/meta/bases/{baseId}/tables", schemaOnly)).Status);
    }

    [Fact]
    public async Task UnknownRoutesAndRecordsAnswerTheBareNotFoundShape()
    {
        await using var fake = await FakeApiSession.StartAsync();
        var baseId = fake.State.Workspace.GetBases()[0].Id;
        foreach (var path in new[] { "/v0/meta/nothing", "/v0/a/b/c/d", "/nowhere", $"/v0/{baseId}/Tasks/recAAAAAAAAAAAAAA" })
        {
            var (status, body) = await fake.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal("NOT_FOUND", body.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task AnUnknownTableAnswersTheObjectNotFoundShape()
    {
        await using var fake = await FakeApiSession.StartAsync();
        var baseId = fake.State.Workspace.GetBases()[0].Id;
        var (status, body) = await fake.GetAsync($"/v0/{baseId}/NoSuchTable");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("TABLE_NOT_FOUND", body.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task GetRecordReturnsOneRecordByIdWithFieldsByIdOnRequest()
    {
        await using var fake = await FakeApiSession.StartAsync();
        var baseId = fake.State.Workspace.GetBases()[0].Id;
        var table = fake.State.Workspace.FindTable(baseId, "Tasks") ?? throw new InvalidOperationException();
        var record = fake.State.Workspace.GetRecords(baseId, table.Id)[1];
        var (status, body) = await fake.GetAsync($"/v0/{baseId}/{table.Id}/{record.Id}?returnFieldsByFieldId=true");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(record.Id, body.GetProperty("id").GetString());
        Assert.Equal(FakeCells.FormatTime(record.CreatedTime), body.GetProperty("createdTime").GetString());
        Assert.True(body.GetProperty("fields").TryGetProperty(table.PrimaryFieldId, out _));
    }

    [Fact]
    public async Task AUrlLongerThanSixteenThousandCharactersIsRefusedButThePostFormWorks()
    {
        await using var fake = await FakeApiSession.StartAsync();
        var baseId = fake.State.Workspace.GetBases()[0].Id;
        var names = string.Join(" ", Enumerable.Repeat("x", 8000));
        var formula = $"{{Name}} != '{names}'";
        var (status, body) = await fake.GetAsync($"/v0/{baseId}/Tasks?pageSize=1&filterByFormula={Uri.EscapeDataString(formula)}");
        Assert.Equal(HttpStatusCode.RequestUriTooLong, status);
        Assert.Equal("INVALID_REQUEST_URL_TOO_LONG", FakeApiSession.ErrorType(body));

        var json = System.Text.Json.JsonSerializer.Serialize(new { pageSize = 1, filterByFormula = formula });
        Assert.Equal(HttpStatusCode.OK, (await fake.PostAsync($"/v0/{baseId}/Tasks/listRecords", json)).Status);
    }

    [Fact]
    public async Task UnknownQueryParametersAreRefused()
    {
        await using var fake = await FakeApiSession.StartAsync();
        var baseId = fake.State.Workspace.GetBases()[0].Id;
        var (status, body) = await fake.GetAsync($"/v0/{baseId}/Tasks?pagesize=10");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("INVALID_REQUEST_UNKNOWN", FakeApiSession.ErrorType(body));
    }

    [Fact]
    public async Task QueuedFaultsAnswerMatchingRequestsThenTheFakeRecovers()
    {
        await using var fake = await FakeApiSession.StartAsync();
        var baseId = fake.State.Workspace.GetBases()[0].Id;
        fake.State.Faults.Enqueue(new FakeFault(503, RetryAfter: TimeSpan.FromSeconds(2), When: r => r.BaseId == baseId), times: 2);
        fake.State.Faults.Enqueue(new FakeFault(502, When: r => r.BaseId == baseId));

        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync("/v0/meta/whoami")).Status);
        using var first = await fake.Client.GetAsync($"/v0/{baseId}/Tasks?pageSize=1", Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), first.Headers.RetryAfter?.Delta);
        var (second, body) = await fake.GetAsync($"/v0/{baseId}/Tasks?pageSize=1");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second);
        Assert.Equal("RETRIABLE_ERROR", FakeApiSession.ErrorType(body));
        Assert.Equal(HttpStatusCode.BadGateway, (await fake.GetAsync($"/v0/{baseId}/Tasks?pageSize=1")).Status);
        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync($"/v0/{baseId}/Tasks?pageSize=1")).Status);
        Assert.Equal(0, fake.State.Faults.Pending);
        Assert.Equal([200, 503, 503, 502, 200], fake.State.RequestLog.Entries.Select(e => e.StatusCode));
    }

    [Fact]
    public async Task AnAbortFaultDropsTheConnection()
    {
        await using var fake = await FakeApiSession.StartAsync();
        fake.State.Faults.Enqueue(new FakeFault(500, AbortConnection: true));
        await Assert.ThrowsAsync<HttpRequestException>(() => fake.GetAsync("/v0/meta/whoami"));
        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync("/v0/meta/whoami")).Status);
    }

    private static async Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> SendWithoutAuthorizationAsync(FakeApiSession fake, string path)
    {
        using var client = new HttpClient { BaseAddress = fake.Server.BaseUrl };
        using var response = await client.GetAsync(path, Xunit.TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken);
        return (response.StatusCode, System.Text.Json.JsonDocument.Parse(text).RootElement.Clone());
    }
}
