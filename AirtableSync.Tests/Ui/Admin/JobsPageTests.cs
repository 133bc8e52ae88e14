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
    [InlineData("sync-with-revisions", JobKind.FullSync, true, "Full sync with revision history")]
    public async Task EachSyncButtonQueuesTheKindOfSyncItNames(string button, JobKind kind, bool includeRevisions, string label)
    {
        var store = await WireAsync(seed: s => s.SaveConnectionAsync(StoredEntries.AdasToken(ConnectionStatus.Active, Now), Token));
        var cut = RenderPage<JobsPage>();

        cut.Find($"[data-testid={button}]").Click();

        cut.WaitForAssertion(() => Assert.Equal(label, cut.Find("[data-testid=job-card] [data-testid=job-kind]").TextContent.Trim()));
        var job = Assert.Single(await store.ListJobsAsync(10, Token));
        Assert.Equal(kind, job.Kind);
        Assert.Equal(JobTrigger.Manual, job.Trigger);
        Assert.Equal("admin", job.RequestedBy);
        Assert.Equal("· started manually by admin", cut.Find("[data-testid=job-origin]").TextContent.Trim());
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

    [Fact]
    public async Task AFinishedJobSumsItsTablesAndFoldsAwayEachTablesCountsAndItsSteps()
    {
        await WireAsync(seed: s => s.SaveJobAsync(StoredEntries.Job("done02", JobKind.FullSync, JobStatus.Succeeded, Now.AddHours(-1), startedAt: Now.AddHours(-1)) with
        {
            FinishedAt = Now.AddHours(-1).AddMinutes(2),
            Progress = new JobProgress("records", "Campaigns", 231, 231, null, null),
            Trigger = JobTrigger.Schedule,
            Tables =
            [
                new JobTableCounts("appA", "Marketing", "tblCampaigns", "Campaigns", 231, 4, 1, 0, 12),
                new JobTableCounts("appA", "Marketing", "tblPeople", "People", 231, 0, 2, 3, 0),
            ],
            Log =
            [
                new JobLogLine(Now.AddHours(-1), "Marketing: schema, 2 tables"),
                new JobLogLine(Now.AddHours(-1).AddSeconds(30), "Campaigns: 231 records seen, 4 added, 1 changed, 0 deleted"),
            ],
        }, Token));

        var cut = RenderPage<JobsPage>();

        // Over both tables, not the last progress line's "Campaigns · 231 of 231".
        cut.WaitForAssertion(() => Assert.Equal("462 records seen · 4 added · 3 changed · 3 deleted · 12 revision events · 2 tables", cut.Find("[data-testid=job-summary]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=job-progress-text]"));
        Assert.Equal("· started by the schedule", cut.Find("[data-testid=job-origin]").TextContent.Trim());
        Assert.Contains("2 tables", cut.Find("[data-testid=job-tables-panel]").TextContent, StringComparison.Ordinal);
        Assert.Contains("2 steps", cut.Find("[data-testid=job-log-panel]").TextContent, StringComparison.Ordinal);

        foreach (var header in cut.FindAll(".mud-expand-panel-header"))
        {
            header.Click();
        }

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=job-table]").Count));
        var people = cut.Find("[data-testid=job-table][data-table-id=tblPeople]").QuerySelectorAll("td").Select(td => td.TextContent.Trim());
        Assert.Equal(["Marketing", "People", "231", "0", "2", "3", "0"], people);
        var steps = cut.FindAll("[data-testid=job-log-line]").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(2, steps.Count);
        Assert.EndsWith("Campaigns: 231 records seen, 4 added, 1 changed, 0 deleted", steps[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJobFromBeforeOriginsWereKeptShowsNoOriginAndNoDetails()
    {
        await WireAsync(seed: s => s.SaveJobAsync(StoredEntries.Job("old01", JobKind.IncrementalSync, JobStatus.Succeeded, Now.AddDays(-3), startedAt: Now.AddDays(-3)), Token));

        var cut = RenderPage<JobsPage>();

        cut.WaitForAssertion(() => Assert.Equal("Incremental sync", cut.Find("[data-testid=job-kind]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=job-origin]"));
        Assert.Empty(cut.FindAll("[data-testid=job-tables-panel]"));
        Assert.Empty(cut.FindAll("[data-testid=job-log-panel]"));
    }

    [Theory]
    [InlineData(0.4, "under 1 s")]
    [InlineData(42, "42 s")]
    [InlineData(192, "3 min 12 s")]
    [InlineData(3 * 3600 + 5 * 60 + 9, "3 h 5 min")]
    public void DurationsReadAtAGlance(double seconds, string expected) => Assert.Equal(expected, JobDuration.Describe(TimeSpan.FromSeconds(seconds)));
}
