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

    [Fact]
    public async Task AFinishedJobSaysWhenItStartedAndFinishedAndHowLongItTook()
    {
        await WireAsync(seed: s => s.SaveJobAsync(StoredEntries.Job("done01", JobKind.FullSync, JobStatus.Succeeded, Now.AddHours(-2), startedAt: Now.AddHours(-2)) with
        {
            FinishedAt = Now.AddHours(-2).AddMinutes(3).AddSeconds(12),
        }, Token));

        var cut = RenderPage<JobsPage>();

        cut.WaitForAssertion(() => Assert.Equal("· took 3 min 12 s", cut.Find("[data-testid=job-duration]").TextContent.Trim()));
        Assert.Contains("2 hours ago", cut.Find("[data-testid=job-started]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=job-finished]"));
    }

    [Fact]
    public async Task AQueuedJobShowsNeitherStartNorDuration()
    {
        await WireAsync(seed: s => s.SaveJobAsync(StoredEntries.Job("queued01", JobKind.FullSync, JobStatus.Queued, Now.AddMinutes(-1)), Token));

        var cut = RenderPage<JobsPage>();

        cut.WaitForAssertion(() => Assert.StartsWith("queued", cut.Find("[data-testid=job-times]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=job-started]"));
        Assert.Empty(cut.FindAll("[data-testid=job-duration]"));
    }

    [Theory]
    [InlineData(0.4, "under 1 s")]
    [InlineData(42, "42 s")]
    [InlineData(192, "3 min 12 s")]
    [InlineData(3 * 3600 + 5 * 60 + 9, "3 h 5 min")]
    public void DurationsReadAtAGlance(double seconds, string expected) => Assert.Equal(expected, JobDuration.Describe(TimeSpan.FromSeconds(seconds)));
}
