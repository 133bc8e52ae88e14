using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Storage;
using AirtableSync.Tests.Infrastructure;
using AirtableSync.Web.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Api;

// The job JSON says what ran, who asked for it and what it did, beside the fields it always had.
public sealed class JobJsonTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASyncStartedWithANamedKeySaysWhatRanWhoAskedAndWhatItDidPerTable()
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 2, RecordsPerTable: 150, FieldsPerTable: 3));
        var key = await context.App.Services.GetRequiredService<ApiKeys>().CreateAsync("nightly export", ApiKeyScope.Admin, "root", Ct);
        using var client = context.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);

        var started = await client.PostAsJsonAsync("/api/v1/syncs", new { mode = "full", includeRevisions = true }, Ct);
        var jobId = (await ApiTestContext.ReadAsync<JsonObject>(started))["jobId"]!.GetValue<string>();
        await context.WaitForJobAsync(jobId);
        var job = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}", Ct))!;

        Assert.Equal("fullSync", job["kind"]!.GetValue<string>());
        Assert.Equal("full", job["kindName"]!.GetValue<string>());
        Assert.Equal("Full sync with revision history", job["kindLabel"]!.GetValue<string>());
        Assert.True(job["withRevisions"]!.GetValue<bool>());
        Assert.Equal("api", job["trigger"]!.GetValue<string>());
        Assert.Equal("nightly export", job["requestedBy"]!.GetValue<string>());
        Assert.Null(job["resumeOf"]);
        var tables = job["tables"]!.AsArray();
        Assert.Equal(2, tables.Count);
        Assert.All(tables, t =>
        {
            Assert.Equal(150, t!["seen"]!.GetValue<long>());
            Assert.Equal(150, t["added"]!.GetValue<long>());
            Assert.Equal(0, t["deleted"]!.GetValue<long>());
            Assert.False(string.IsNullOrEmpty(t["tableName"]!.GetValue<string>()));
        });
        var log = job["log"]!.AsArray().Select(l => l!["text"]!.GetValue<string>()).ToList();
        Assert.Contains(log, l => l.EndsWith(": schema, 2 tables", StringComparison.Ordinal));
        Assert.Equal(2, log.Count(l => l.EndsWith(": 150 records seen, 150 added, 0 changed, 0 deleted", StringComparison.Ordinal)));
        Assert.NotNull(job["log"]![0]!["at"]);
    }

    [Fact]
    public async Task AResumeStartedOverRestNamesTheJobItResumesAndTheKey()
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 1, RecordsPerTable: 5));
        var stoppedAt = DateTimeOffset.UtcNow;
        await context.Store.SaveJobAsync(StoredEntries.Job("interrupted01", JobKind.IncrementalSync, JobStatus.Interrupted, stoppedAt, startedAt: stoppedAt), Ct);

        var resumed = await context.Client.PostAsync("/api/v1/jobs/interrupted01/resume", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, resumed.StatusCode);
        var jobId = (await ApiTestContext.ReadAsync<JsonObject>(resumed))["jobId"]!.GetValue<string>();
        var jobs = (await context.Client.GetFromJsonAsync<JsonArray>("/api/v1/jobs", Ct))!;

        var job = jobs.Single(j => j!["id"]!.GetValue<string>() == jobId)!;
        Assert.Equal("incremental", job["kindName"]!.GetValue<string>());
        Assert.Equal("Incremental sync", job["kindLabel"]!.GetValue<string>());
        Assert.Equal("resume", job["trigger"]!.GetValue<string>());
        Assert.Equal("interrupted01", job["resumeOf"]!.GetValue<string>());
        Assert.Equal("configured API key", job["requestedBy"]!.GetValue<string>());
        var old = jobs.Single(j => j!["id"]!.GetValue<string>() == "interrupted01")!;
        Assert.Equal("unknown", old["trigger"]!.GetValue<string>());
        Assert.Empty(old["tables"]!.AsArray());
    }
}
