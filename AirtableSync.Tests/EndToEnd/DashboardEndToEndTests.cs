using Microsoft.Playwright;

namespace AirtableSync.Tests.EndToEnd;

public sealed class DashboardEndToEndTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions LongWait = new() { Timeout = 90_000 };

    [Fact]
    public async Task ASyncStartedFromTheJobsPageReachesCompletionLiveWithoutAReload()
    {
        await using var app = await SandboxApp.StartAsync();
        var page = await app.NewSignedInPageAsync(browser.Browser);

        await page.GotoInteractiveAsync("/jobs");
        await Assertions.Expect(page.GetByText("No jobs yet")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // A marker that a reload would wipe: progress must arrive over the circuit, not by reloading.
        await page.EvaluateAsync("window.__noReload = true");
        await page.GetByTestId("sync-now").ClickAsync();

        var card = page.GetByTestId("job-card").First;
        await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "Succeeded", LongWait);
        // A finished card sums every table; its records agree with what the store now holds (662 vs 462 was the bug).
        var summary = await card.GetByTestId("job-summary").InnerTextAsync(new() { Timeout = 10_000 });
        var seen = long.Parse(new string([.. summary[..summary.IndexOf(" records seen", StringComparison.Ordinal)].Where(char.IsAsciiDigit)]), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((await app.Store.GetStatisticsAsync(Xunit.TestContext.Current.CancellationToken)).Records, seen);
        Assert.True(await page.EvaluateAsync<bool>("window.__noReload === true"));
        await Screenshots.SaveAsync(page, "jobs");
        await page.GotoInteractiveAsync("/");
        await Assertions.Expect(page.GetByText("Dashboard").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "dashboard");
        Assert.True((await app.Store.GetStatisticsAsync(Xunit.TestContext.Current.CancellationToken)).Records > 100);
    }

    [Fact]
    public async Task AnAnalystBrowsesToARecordAndReadsItsRevisionTimeline()
    {
        var (app, @base) = await SandboxApp.StartWithRoadmapHistoryAsync();
        await using var _ = app;
        var page = await app.NewSignedInPageAsync(browser.Browser);

        await page.GotoInteractiveAsync("/bases");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Product Roadmap", Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "bases");
        await page.GetByRole(AriaRole.Link, new() { Name = "Product Roadmap", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tasks", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/bases/{@base.Id}/tables/tbl"));
        await Assertions.Expect(page.GetByTestId("open-record").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Screenshots.SaveAsync(page, "records");
        await page.GetByTestId("open-record").First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/rec"));
        var timeline = page.GetByTestId("timeline");
        await Assertions.Expect(timeline.Locator(".mud-timeline-item").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await timeline.Locator(".mud-timeline-item").CountAsync() > 3);
        await Assertions.Expect(page.GetByText("Status").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "record-timeline");
    }
}
