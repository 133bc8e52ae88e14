using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AirtableSync.Sandbox.PublicApi;

namespace AirtableSync.Tests.Api;

public sealed class RestApiTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestsWithoutAValidApiKeyAreRejected()
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 5));
        using var anonymous = context.App.CreateClient();
        using var wrongKey = context.App.CreateClient();
        wrongKey.DefaultRequestHeaders.Authorization = new("Bearer", "not-the-key-at-all-0000");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/bases", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync("/api/v1/jobs", Ct)).StatusCode);
        var login = await anonymous.PostAsJsonAsync("/api/v1/browser-sessions", new { email = "a@b.c", password = "x" }, Ct);
        Assert.True(login.StatusCode == HttpStatusCode.Unauthorized, $"{login.StatusCode}: {await login.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal(HttpStatusCode.OK, (await context.Client.GetAsync("/api/v1/bases", Ct)).StatusCode);
    }

    [Fact]
    public async Task ErrorsTheFrameworkAnswersCarryAProblemBodyForApiCallers()
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1));
        using var anonymous = context.App.CreateClient();

        using var unknownRoute = await context.Client.GetAsync("/api/v1/no-such-thing.json", Ct);
        using var noKey = await anonymous.GetAsync("/api/v1/bases", Ct);
        using var wrongMethod = await context.Client.DeleteAsync("/api/v1/bases", Ct);

        foreach (var (response, status) in new[] { (unknownRoute, 404), (noKey, 401), (wrongMethod, 404) })
        {
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(status, (await ApiTestContext.ReadAsync<JsonObject>(response))["status"]!.GetValue<int>());
        }
        Assert.Contains("DELETE /api/v1/bases is not part of the API", await wrongMethod.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheApi()
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1));

        var document = await context.Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json", Ct);

        var paths = document!["paths"]!.AsObject();
        Assert.Contains("/api/v1/syncs", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/bases/{baseId}/tables/{tableId}/records", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/records/{recordId}/revisions", paths.Select(p => p.Key));
    }

    [Fact]
    public async Task ASyncStartedOverRestRunsAndItsDataIsServedPageByPage()
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 2, RecordsPerTable: 250, FieldsPerTable: 5));

        var started = await context.Client.PostAsJsonAsync("/api/v1/syncs", new { mode = "full" }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var jobId = (await ApiTestContext.ReadAsync<JsonObject>(started))["jobId"]!.GetValue<string>();
        await context.WaitForJobAsync(jobId);

        var job = await context.Client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}", Ct);
        Assert.Equal("succeeded", job!["status"]!.GetValue<string>());
        Assert.Equal("fullSync", job["kind"]!.GetValue<string>());
        Assert.NotNull(job["finishedAt"]);

        var bases = await context.Client.GetFromJsonAsync<JsonArray>("/api/v1/bases", Ct);
        var baseId = Assert.Single(bases!)!["id"]!.GetValue<string>();
        Assert.NotNull(bases![0]!["lastSyncedAt"]);
        var tables = await context.Client.GetFromJsonAsync<JsonArray>($"/api/v1/bases/{baseId}/tables", Ct);
        Assert.Equal(2, tables!.Count);
        Assert.All(tables, t => Assert.Equal(250, t!["recordCount"]!.GetValue<int>()));
        var tableId = tables[0]!["id"]!.GetValue<string>();

        var seen = new HashSet<string>();
        string? cursor = null;
        do
        {
            var page = await context.Client.GetFromJsonAsync<JsonObject>(
                $"/api/v1/bases/{baseId}/tables/{tableId}/records?limit=60" + (cursor is null ? "" : $"&cursor={cursor}"), Ct);
            foreach (var record in page!["records"]!.AsArray())
            {
                Assert.True(seen.Add(record!["id"]!.GetValue<string>()), "a record was served twice");
                var original = context.Fake.State.Workspace.FindRecord(baseId, tableId, record["id"]!.GetValue<string>())!;
                var expected = new JsonObject(original.Cells.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value.DeepClone())));
                Assert.True(JsonNode.DeepEquals(expected, record["fields"]), "cells must be exactly as Airtable returned them");
            }
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        Assert.Equal(250, seen.Count);
    }

    [Fact]
    public async Task AnIncrementalSyncStartedOverRestIsShownAsAnIncrementalSyncJob()
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 1, RecordsPerTable: 5));

        var started = await context.Client.PostAsJsonAsync("/api/v1/syncs", new { mode = "incremental" }, Ct);
        var jobId = (await ApiTestContext.ReadAsync<JsonObject>(started))["jobId"]!.GetValue<string>();
        await context.WaitForJobAsync(jobId);

        var job = await context.Client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}", Ct);
        Assert.Equal("incrementalSync", job!["kind"]!.GetValue<string>());
        Assert.Equal("succeeded", job["status"]!.GetValue<string>());
        var jobs = await context.Client.GetFromJsonAsync<JsonArray>("/api/v1/jobs", Ct);
        Assert.Equal("incrementalSync", Assert.Single(jobs!)!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task SearchFindsRecordsByCellTextAndDeletedRecordsAppearOnlyWhenAsked()
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 1, RecordsPerTable: 30, FieldsPerTable: 3));
        var fake = context.Fake.State.Workspace;
        var @base = fake.GetBases()[0];
        var table = fake.GetTables(@base.Id)[0];
        var text = table.Fields.First(f => f.Type == "singleLineText");
        var target = fake.GetRecords(@base.Id, table.Id)[3].Id;
        fake.UpdateRecord(@base.Id, table.Id, target, new Dictionary<string, JsonNode?> { [text.Id] = JsonValue.Create("Needle in the haystack") });
        var first = await ApiTestContext.ReadAsync<JsonObject>(await context.Client.PostAsJsonAsync("/api/v1/syncs", new { }, Ct));
        await context.WaitForJobAsync(first["jobId"]!.GetValue<string>());
        var gone = fake.GetRecords(@base.Id, table.Id)[5].Id;
        fake.DeleteRecord(@base.Id, table.Id, gone);
        var second = await ApiTestContext.ReadAsync<JsonObject>(await context.Client.PostAsJsonAsync("/api/v1/syncs", new { mode = "full" }, Ct));
        await context.WaitForJobAsync(second["jobId"]!.GetValue<string>());

        var found = await context.Client.GetFromJsonAsync<JsonObject>($"/api/v1/bases/{@base.Id}/tables/{table.Id}/records?q=needle", Ct);
        var live = await context.Client.GetFromJsonAsync<JsonObject>($"/api/v1/bases/{@base.Id}/tables/{table.Id}/records?limit=1000", Ct);
        var all = await context.Client.GetFromJsonAsync<JsonObject>($"/api/v1/bases/{@base.Id}/tables/{table.Id}/records?limit=1000&includeDeleted=true", Ct);

        var hit = Assert.Single(found!["records"]!.AsArray());
        Assert.Equal(target, hit!["id"]!.GetValue<string>());
        Assert.Equal(29, live!["records"]!.AsArray().Count);
        Assert.DoesNotContain(live["records"]!.AsArray(), r => r!["id"]!.GetValue<string>() == gone);
        var tombstone = Assert.Single(all!["records"]!.AsArray(), r => r!["id"]!.GetValue<string>() == gone);
        Assert.True(tombstone!["deleted"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("/api/v1/syncs", """{"mode":"weekly"}""", "mode")]
    [InlineData("/api/v1/syncs", """{"baseIds":["not-a-base"]}""", "baseIds")]
    [InlineData("/api/v1/connections/personal-access-token", """{"token":""}""", "token")]
    [InlineData("/api/v1/connections/personal-access-token", """{"token":"patWrongToken0001.nope"}""", "token")]
    public async Task BadInputIsAProblemNamingTheOffendingField(string path, string body, string field)
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1));

        var response = await context.Client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiTestContext.ReadAsync<JsonObject>(response);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5000", "limit")]
    [InlineData("cursor=%%%garbage", "cursor")]
    public async Task BadQueryParametersAreProblemsNotServerErrors(string query, string field)
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 3));
        var job = await ApiTestContext.ReadAsync<JsonObject>(await context.Client.PostAsJsonAsync("/api/v1/syncs", new { }, Ct));
        await context.WaitForJobAsync(job["jobId"]!.GetValue<string>());
        var @base = context.Fake.State.Workspace.GetBases()[0];
        var table = context.Fake.State.Workspace.GetTables(@base.Id)[0];

        var response = await context.Client.GetAsync($"/api/v1/bases/{@base.Id}/tables/{table.Id}/records?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiTestContext.ReadAsync<JsonObject>(response))["errors"]!.AsObject().ContainsKey(field));
    }

    [Theory]
    [InlineData("GET", "/api/v1/bases/appUnknown0000000/tables")]
    [InlineData("GET", "/api/v1/bases/appUnknown0000000/tables/tblUnknown0000000/records")]
    [InlineData("GET", "/api/v1/jobs/no-such-job")]
    [InlineData("POST", "/api/v1/jobs/no-such-job/cancel")]
    [InlineData("POST", "/api/v1/jobs/no-such-job/resume")]
    [InlineData("GET", "/api/v1/records/recUnknown0000000/revisions")]
    public async Task UnknownIdsAreNotFound(string method, string path)
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1));

        var response = await context.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task APartlySucceededJobCanBeNeitherCancelledNorResumed()
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 3));
        var job = await ApiTestContext.ReadAsync<JsonObject>(await context.Client.PostAsJsonAsync("/api/v1/syncs", new { baseIds = new[] { "appNotGranted0001" } }, Ct));
        var jobId = job["jobId"]!.GetValue<string>();
        var finished = await context.WaitForJobAsync(jobId);
        Assert.Equal(JobStatus.PartiallySucceeded, finished.Status);

        Assert.Equal(HttpStatusCode.Conflict, (await context.Client.PostAsync($"/api/v1/jobs/{jobId}/cancel", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await context.Client.PostAsync($"/api/v1/jobs/{jobId}/resume", null, Ct)).StatusCode);
        var detail = await context.Client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}", Ct);
        Assert.Equal("appNotGranted0001", detail!["failures"]![0]!["item"]!.GetValue<string>());
        var listed = await context.Client.GetFromJsonAsync<JsonArray>("/api/v1/jobs", Ct);
        Assert.Contains(listed!, j => j!["id"]!.GetValue<string>() == jobId);
    }

    [Fact]
    public async Task APersonalAccessTokenIsValidatedStoredEncryptedAndNeverReturned()
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1), connectWithConfiguredToken: false);

        var response = await context.Client.PostAsJsonAsync("/api/v1/connections/personal-access-token", new { token = ApiTestContext.Token }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(ApiTestContext.Token, body, StringComparison.Ordinal);
        Assert.Contains("\"secretHint\":\"alue\"", body, StringComparison.Ordinal);
        var stored = Assert.Single(await context.Store.ListConnectionsAsync(Ct), c => c.Kind == ConnectionKind.PersonalAccessToken);
        Assert.DoesNotContain(ApiTestContext.Token, stored.ProtectedSecret, StringComparison.Ordinal);
        var listed = await context.Client.GetStringAsync("/api/v1/connections", Ct);
        Assert.DoesNotContain(ApiTestContext.Token, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecordsRevisionsAreServedNewestFirstWithTheFieldsCurrentNames()
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 1, RecordsPerTable: 3, FieldsPerTable: 4));
        await Infrastructure.WebSessionSeeding.SignInAsync(context.App.Services, context.Fake);
        var job = await ApiTestContext.ReadAsync<JsonObject>(await context.Client.PostAsJsonAsync("/api/v1/syncs", new { includeRevisions = true }, Ct));
        Assert.Equal(JobStatus.Succeeded, (await context.WaitForJobAsync(job["jobId"]!.GetValue<string>())).Status);
        var @base = context.Fake.State.Workspace.GetBases()[0];
        var recordId = context.Fake.State.Workspace.GetRecords(@base.Id, context.Fake.State.Workspace.GetTables(@base.Id)[0].Id)[0].Id;

        var revisions = await context.Client.GetFromJsonAsync<JsonArray>($"/api/v1/records/{recordId}/revisions", Ct);

        Assert.NotEmpty(revisions!);
        var times = revisions!.Select(r => r!["changedAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.All(revisions!, r =>
        {
            Assert.NotNull(r!["activityId"]);
            Assert.NotNull(r["fieldId"]);
            Assert.NotNull(r["actor"]!["id"]);
            Assert.Contains(r["changeKind"]!.GetValue<string>(), new[] { "diff", "nullToValue", "valueToNull" });
            Assert.Contains(r["kind"]!.GetValue<string>(), new[] { "field", "status", "assignee" });
        });
        Assert.Contains(revisions!, r => r!["changeKind"]!.GetValue<string>() == "nullToValue" && r["oldValue"] is null);
    }
}
