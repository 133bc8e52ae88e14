using AirtableSync.Tests.Infrastructure;
using AirtableSync.Jobs;
using AirtableSync.Storage;
using AirtableSync.Web.Components.Pages.Dashboard;
using AirtableSync.Web.Components.Pages.Jobs;
using Bunit;

namespace AirtableSync.Tests.Ui.Admin;

public sealed class DashboardTests : AdminTestContext
{
    [Fact]
    public async Task DashboardShowsCountsTheFiveLatestJobsAndConnectionHealth()
    {
        var store = await WireAsync(seed: async s =>
        {
            await SampleBase.SeedAsync(s, projectCount: 7, Token);
            for (var i = 0; i < 7; i++)
            {
                await s.SaveJobAsync(StoredEntries.Job($"job{i:D2}", JobKind.FullSync, i == 6 ? JobStatus.Failed : JobStatus.Succeeded, Now.AddMinutes(i)), Token);
            }
        });
        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=recent-job]").Count));
        var statistics = await store.GetStatisticsAsync(Token);
        Assert.Equal(9, statistics.Records);
        Assert.Equal("9", cut.Find("[data-testid=stat-records]").TextContent.Trim());
        Assert.Equal(statistics.Tables.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=stat-tables]").TextContent.Trim());
        Assert.Equal("Failed", cut.FindAll("[data-testid=recent-job]")[0].QuerySelector("[data-testid=job-status]")?.TextContent.Trim());
        Assert.Equal("/jobs", cut.Find("[data-testid=all-jobs]").GetAttribute("href"));
        Assert.Contains("Not connected", cut.Find("[data-testid=api-health]").TextContent, StringComparison.Ordinal);
        Assert.Contains("None", cut.Find("[data-testid=session-health]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnalystSeesTheConnectionStateWithoutALinkToAnAdminPage()
    {
        await WireAsync();
        SignInAs("ana", Web.Auth.AppRoles.Analyst);

        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => Assert.Contains("Not connected", cut.Find("[data-testid=api-health]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=connect-link]"));
        Assert.DoesNotContain("href=\"/connect\"", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("An admin connects Airtable.", cut.Find("[data-testid=ask-an-admin]").TextContent.Trim());
    }

    [Fact]
    public async Task AConnectedAdminWhoNeverSyncedIsOfferedTheFirstSync()
    {
        await WireAsync(seed: s => s.SaveConnectionAsync(StoredEntries.AdasToken(ConnectionStatus.Active, Now), Token));

        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => Assert.Contains("Run the first sync", cut.Find("[data-testid=first-sync-offer]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=sync-blocked]"));
    }

    [Fact]
    public async Task BeforeConnectingTheDashboardOffersNoSyncButSaysWhereToConnect()
    {
        await WireAsync();

        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=sync-blocked]"));
        Assert.Empty(cut.FindAll("[data-testid=first-sync-offer]"));
    }

    [Fact]
    public async Task WhileTheFirstSyncIsQueuedTheDashboardPointsToItInsteadOfOfferingAnother()
    {
        await WireAsync(seed: async s =>
        {
            await s.SaveConnectionAsync(StoredEntries.AdasToken(ConnectionStatus.Active, Now), Token);
            await s.SaveJobAsync(StoredEntries.Job("first01", JobKind.FullSync, JobStatus.Queued, Now), Token);
        });

        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=first-sync-running]"));
        Assert.Empty(cut.FindAll("[data-testid=first-sync-offer]"));
    }

    [Fact]
    public async Task ANewcomerIsWalkedThroughConnectSyncBrowseWithTheSandboxOneClickAway()
    {
        await StartFakeAirtableAsync();
        var store = await WireAsync(sandbox: true);

        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-testid=step-connect]").GetAttribute("data-done")));
        Assert.Empty(cut.FindAll("[data-testid=stat-records]"));
        Assert.Empty(cut.FindAll("[data-testid=first-sync-offer]"));
        Assert.Equal("/bases", cut.Find("[data-testid=step-browse] a").GetAttribute("href"));

        cut.Find("[data-testid=checklist-sandbox]").Click();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=step-connect]").GetAttribute("data-done")), TimeSpan.FromSeconds(20));
        Assert.Single(await store.ListConnectionsAsync(Token));
        cut.WaitForAssertion(() => cut.Find("[data-testid=step-sync] [data-testid=first-sync-offer]"));
        Assert.Empty(cut.FindAll("[data-testid=sync-blocked]"));
        Assert.False(cut.Find("[data-testid=sync-now]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task AnExpiredConnectionIsNotOfferedTheSandboxButSentToConnect()
    {
        await WireAsync(sandbox: true, seed: s => s.SaveConnectionAsync(StoredEntries.AdasToken(ConnectionStatus.Expired, Now), Token));

        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => Assert.StartsWith(SyncReadiness.ConnectionNotActive, cut.Find("[data-testid=step-connect] [data-testid=sync-blocked]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=checklist-sandbox]"));
    }

    [Fact]
    public async Task OnceABaseIsSyncedTheChecklistMakesWayForTheCounts()
    {
        var store = await WireAsync(seed: async s =>
        {
            await s.SaveConnectionAsync(StoredEntries.AdasToken(ConnectionStatus.Active, Now), Token);
            await SampleBase.SeedAsync(s, 3, Token);
        });
        var records = (await store.GetStatisticsAsync(Token)).Records.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => Assert.Equal(records, cut.Find("[data-testid=stat-records]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=getting-started]"));
    }

    [Fact]
    public async Task AnAnalystBeforeAnySyncIsToldWhoBringsTheDataNotShownZeros()
    {
        await WireAsync();
        SignInAs("ana", Web.Auth.AppRoles.Analyst);

        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=no-data-yet]"));
        Assert.Empty(cut.FindAll("[data-testid=getting-started]"));
        Assert.Empty(cut.FindAll("[data-testid=stat-records]"));
    }

    [Fact]
    public async Task BeforeAnySyncTheDashboardSaysTheDataWasNeverSynced()
    {
        await WireAsync();
        SignInAs("ana", Web.Auth.AppRoles.Analyst);

        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => Assert.Equal("Data last synced never", cut.Find("[data-testid=last-synced]").TextContent.Trim()));
    }

    [Fact]
    public async Task AnAnalystSeesWhenTheNewestBaseSyncHappened()
    {
        await WireAsync(seed: async s =>
        {
            await s.ApplyBaseListAsync([new BaseInfo("appFresh00000001", "Fresh", "create"), new BaseInfo("appStale00000001", "Stale", "create")], Now, Token);
            await s.MarkBaseSyncedAsync("appStale00000001", Now.AddDays(-2), Token);
            await s.MarkBaseSyncedAsync("appFresh00000001", Now.AddMinutes(-20), Token);
        });
        SignInAs("ana", Web.Auth.AppRoles.Analyst);

        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => Assert.Equal("20 minutes ago", cut.Find("[data-testid=last-synced] [data-testid=relative-time]").TextContent.Trim()));
    }

    [Fact]
    public async Task AnAdminGetsTheLinkToConnect()
    {
        await WireAsync();

        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => Assert.Equal("/connect", cut.Find("[data-testid=connect-link]").GetAttribute("href")));
        Assert.Empty(cut.FindAll("[data-testid=ask-an-admin]"));
    }

    [Theory]
    [InlineData(null, SyncReadiness.NotConnected)]
    [InlineData(ConnectionStatus.Expired, SyncReadiness.ConnectionNotActive)]
    public async Task WithoutAnActiveConnectionSyncNowIsOffAndSaysWhy(ConnectionStatus? status, string reason)
    {
        var store = await WireAsync(seed: s => status is { } st ? s.SaveConnectionAsync(StoredEntries.AdasToken(st, Now), Token) : Task.CompletedTask);

        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => Assert.StartsWith(reason, cut.Find("[data-testid=sync-blocked]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.True(cut.Find("[data-testid=sync-now]").HasAttribute("disabled"));
        Assert.Empty(await store.ListJobsAsync(10, Token));
    }

    [Fact]
    public async Task SyncNowQueuesASyncThatAppearsAmongTheRecentJobs()
    {
        var store = await WireAsync(seed: s => s.SaveConnectionAsync(StoredEntries.AdasToken(ConnectionStatus.Active, Now), Token));
        var cut = RenderPage<Home>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=no-jobs]")));

        cut.Find("[data-testid=sync-now]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=recent-job]")));
        var job = Assert.Single(await store.ListJobsAsync(10, Token));
        Assert.Equal(JobKind.FullSync, job.Kind);
        Assert.Equal(JobStatus.Queued, job.Status);
    }

    [Fact]
    public async Task RecentJobsNameTheirKindInWords()
    {
        await WireAsync(seed: async s =>
        {
            var kinds = new[] { JobKind.FullSync, JobKind.IncrementalSync, JobKind.RevisionSync };
            for (var i = 0; i < kinds.Length; i++)
            {
                await s.SaveJobAsync(StoredEntries.Job($"job{i:D2}", kinds[i], JobStatus.Succeeded, Now.AddMinutes(i)), Token);
            }
        });
        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => Assert.Equal(["Revision history sync", "Incremental sync", "Full sync"],
            cut.FindAll("[data-testid=recent-job] [data-testid=job-kind]").Select(c => c.TextContent.Trim())));
    }

    [Fact]
    public async Task ActiveApiConnectionIsShownAsHealthy()
    {
        await WireAsync(seed: s => s.SaveConnectionAsync(StoredEntries.AdasToken(ConnectionStatus.Active, Now), Token));
        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => Assert.Contains("Active", cut.Find("[data-testid=api-health]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Personal access token", cut.Find("[data-testid=api-health]").TextContent, StringComparison.Ordinal);
    }
}
