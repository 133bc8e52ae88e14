using AirtableSync.Analytics;
using AirtableSync.Tests.Analytics;
using AirtableSync.Web.Components.Pages.Analytics;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Ui;

// The analytics page of SampleBase's Projects (6 projects, statuses Todo/Doing/Done two each; project 2 has a history).
// The clock stands at 2026-05-10 12:00 UTC (UiTestContext.Now).
public class AnalyticsPageTests : UiTestContext
{
    public AnalyticsPageTests()
    {
        Services.AddAnalytics();
    }

    private IRenderedComponent<AnalyticsPage> RenderAnalytics(string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"bases/{SampleBase.BaseId}/tables/{SampleBase.Projects}/analytics{query}");
        return RenderPage<AnalyticsPage>(p => p.Add(x => x.BaseId, SampleBase.BaseId).Add(x => x.TableId, SampleBase.Projects));
    }

    private string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public async Task TimeInStatusCountsTodaysRecordsAndMeasuresTheVisitsOfThePeriod()
    {
        await StoreAsync(store => AnalyticsHistory.SeedAsync(store, Token));
        var cut = RenderAnalytics("?from=2025-12-01&to=2026-05-10");
        cut.WaitForElement("[data-testid=status-chart]");

        cut.Find("[data-testid=show-table]").Click();

        var rows = cut.WaitForElements("[data-testid=status-row]");
        Assert.Equal(["Todo", "Doing", "Done"], rows.Select(r => r.GetAttribute("data-status")));
        Assert.All(rows, r => Assert.Equal("2", r.QuerySelectorAll("td")[1].TextContent.Trim()));
        // Projects 3 and 6 sat in Todo from 00:03 and 00:06 on 1 January until now: 129 d 11 h 57 min and 129 d 11 h 54 min.
        var todo = rows.Single(r => r.GetAttribute("data-status") == "Todo");
        Assert.Equal("129 d 11 h", todo.QuerySelector("[data-testid=status-median]")!.TextContent.Trim());
        Assert.Contains("from=2025-12-01", cut.Find("[data-testid=export-status-durations]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("tz=UTC", cut.Find("[data-testid=export-status-durations]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CycleTimeGoesFromTheSecondOptionToTheLastUnlessTheAddressSaysOtherwise()
    {
        await StoreAsync(store => AnalyticsHistory.SeedAsync(store, Token));
        var cut = RenderAnalytics("?view=cycle&from=2025-12-01&to=2026-05-10");

        var summary = cut.WaitForElement("[data-testid=cycle-summary]");

        Assert.Equal("1 record went from Doing to Done · median 2 d · p90 2 d", System.Text.RegularExpressions.Regex.Replace(summary.TextContent, @"\s+", " ").Trim());

        var none = RenderAnalyticsAgain(cut, "?view=cycle&from=2025-12-01&to=2026-05-10&fromStatus=Done&toStatus=Todo");
        none.WaitForElement("[data-testid=no-cycles]");
    }

    private IRenderedComponent<AnalyticsPage> RenderAnalyticsAgain(IRenderedComponent<AnalyticsPage> cut, string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"bases/{SampleBase.BaseId}/tables/{SampleBase.Projects}/analytics{query}");
        cut.Render();
        return cut;
    }

    [Fact]
    public async Task ChoosingATabOrAPeriodPutsItInTheAddress()
    {
        await StoreAsync(store => AnalyticsHistory.SeedAsync(store, Token));
        var cut = RenderAnalytics();
        cut.WaitForElement("[data-testid=status-chart]");

        cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Flow").Click();
        Assert.EndsWith("/analytics?view=flow", Uri, StringComparison.Ordinal);

        cut.Find("[data-testid=period-last-7]").Click();
        Assert.EndsWith("/analytics?from=2026-05-04&to=2026-05-10", Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFlowTableHasADayPerRowAndAStatusPerColumn()
    {
        await StoreAsync(store => AnalyticsHistory.SeedAsync(store, Token));
        var cut = RenderAnalytics("?view=flow&from=2026-01-01&to=2026-01-04");
        cut.WaitForElement("[data-testid=flow-chart]");

        cut.Find("[data-testid=show-table]").Click();

        var table = cut.WaitForElement("[data-testid=flow-table]");
        var cells = table.QuerySelectorAll("tbody tr").Select(r => string.Join(" ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        // Counted at each day's end: project 2 left Todo at 00:02 on 2 January and reached Done at 00:02 on 4 January.
        Assert.Equal(["2026-01-01 3 2 1", "2026-01-02 2 3 1", "2026-01-03 2 3 1", "2026-01-04 2 2 2"], cells);
    }

    [Fact]
    public async Task PeopleShowsWhoHeldEachRecordAndLeadsToWhatTheyChanged()
    {
        await StoreAsync(store => AnalyticsHistory.SeedAsync(store, Token));
        var cut = RenderAnalytics("?view=people&from=2026-05-01&to=2026-05-10&period=month");
        cut.WaitForElement("[data-testid=people-chart]");

        // Every project has "Ada L" as its Owner (the table's Assignee by name) and never changed it.
        var rows = cut.FindAll("[data-testid=assignment-rows] tbody tr");
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal("Ada L", r.QuerySelectorAll("td")[0].TextContent.Trim()));
        Assert.Equal($"bases/{SampleBase.BaseId}/tables/{SampleBase.Projects}/activity", cut.Find("[data-testid=people-activity]").GetAttribute("href"));
        Assert.Contains("period=month", cut.Find("[data-testid=export-assignment-periods]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATableWithoutAStatusFieldSaysSoAndWhereToChooseOne()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 3, Token));
        Services.GetRequiredService<NavigationManager>().NavigateTo($"bases/{SampleBase.BaseId}/tables/{SampleBase.People}/analytics");
        var cut = RenderPage<AnalyticsPage>(p => p.Add(x => x.BaseId, SampleBase.BaseId).Add(x => x.TableId, SampleBase.People));

        cut.WaitForElement("[data-testid=no-status-field]");
        Assert.Contains("no Status field", cut.Find("[data-testid=analytics-fields]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownTableIsNotFound()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 3, Token));
        Services.GetRequiredService<NavigationManager>().NavigateTo($"bases/{SampleBase.BaseId}/tables/tblMissing000001/analytics");
        var cut = RenderPage<AnalyticsPage>(p => p.Add(x => x.BaseId, SampleBase.BaseId).Add(x => x.TableId, "tblMissing000001"));

        cut.WaitForElement("[data-testid=not-found]");
    }
}
