using AirtableSync.Tests.Infrastructure;
using System.Text.Json;
using AirtableSync.Storage;
using AirtableSync.Sync;
using AirtableSync.Web.Components.Pages.Jobs;
using Bunit;

namespace AirtableSync.Tests.Ui.Admin;

public sealed class JobsPageTests : AdminTestContext
{
    [Theory]
    [InlineData("sync-now", JobKind.FullSync, false, "Full sync")]
    [InlineData("sync-incremental", JobKind.IncrementalSync, false, "Incremental sync")]
    [InlineData("sync-with-revisions", JobKind.FullSync, true, "Full sync")]
    public async Task EachSyncButtonQueuesTheKindOfSyncItNames(string button, JobKind kind, bool includeRevisions, string label)
    {
        var store = await WireAsync(seed: s => s.SaveConnectionAsync(StoredEntries.AdasToken(ConnectionStatus.Active, Now), Token));
        var cut = RenderPage<JobsPage>();

        cut.Find($"[data-testid={button}]").Click();

        cut.WaitForAssertion(() => Assert.Equal(label, cut.Find("[data-testid=job-card] [data-testid=job-kind]").TextContent.Trim()));
        var job = Assert.Single(await store.ListJobsAsync(10, Token));
        Assert.Equal(kind, job.Kind);
        Assert.Equal(includeRevisions, JsonSerializer.Deserialize<SyncRequest>(job.ParametersJson, JsonSerializerOptions.Web)?.IncludeRevisions);
    }

    [Fact]
    public async Task BeforeAnyConnectionEverySyncButtonIsOffAndThePageSaysWhereToConnect()
    {
        await WireAsync();

        var cut = RenderPage<JobsPage>();

        cut.WaitForAssertion(() => Assert.Contains(SyncReadiness.NotConnected, cut.Find("[data-testid=sync-blocked]").TextContent, StringComparison.Ordinal));
        Assert.Equal("/connect", cut.Find("[data-testid=sync-blocked] a").GetAttribute("href"));
        Assert.All(new[] { "sync-now", "sync-incremental", "sync-with-revisions" }, id => Assert.True(cut.Find($"[data-testid={id}]").HasAttribute("disabled"), id));
    }
}
