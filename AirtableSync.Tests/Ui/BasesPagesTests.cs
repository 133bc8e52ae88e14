using AirtableSync.Web.Components.Pages.Bases;
using Bunit;

namespace AirtableSync.Tests.Ui;

public class BasesPagesTests : UiTestContext
{
    [Fact]
    public async Task BasesPageInvitesToConnectWhenNothingIsSynced()
    {
        await StoreAsync();
        var cut = RenderPage<BasesPage>();
        cut.WaitForAssertion(() => Assert.Contains("No bases synced yet — connect Airtable and run a sync", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));
        Assert.Equal("connect", cut.Find("[data-testid=connect-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task BasesPageListsBasesWithRemovedOnesGreyedAtTheEnd()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, projectCount: 3, Token));
        var cut = RenderPage<BasesPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=base-row]").Count));
        var rows = cut.FindAll("[data-testid=base-row]");
        Assert.Equal([SampleBase.BaseId, "appGone000000001"], rows.Select(r => r.GetAttribute("data-base-id")));
        Assert.DoesNotContain("removed", rows[0].ClassName ?? "", StringComparison.Ordinal);
        Assert.Contains("removed", rows[1].ClassName, StringComparison.Ordinal);
        Assert.Contains("create", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("3 hours ago", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("never", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal($"bases/{SampleBase.BaseId}", rows[0].QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task BasesPageShowsAFriendlyErrorWhenTheStoreFails()
    {
        await StoreAsync();
        await BreakStoreAsync("bases");
        var cut = RenderPage<BasesPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=error-state]")));
        Assert.Contains("Something went wrong", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("no such table", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BasePageListsTablesWithFieldAndRecordCounts()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, projectCount: 7, Token));
        var cut = RenderPage<BasePage>(p => p.Add(x => x.BaseId, SampleBase.BaseId));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=table-row]").Count));
        var projects = cut.Find($"[data-table-id={SampleBase.Projects}]");
        var cells = projects.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        // The removed "Old field" is not counted.
        Assert.Equal(["Projects", SampleBase.ProjectFields.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "7"], cells[..3]);
        // Each table's history: its analytics and its activity feed.
        Assert.Equal($"bases/{SampleBase.BaseId}/tables/{SampleBase.Projects}/analytics", projects.QuerySelector("[data-testid=table-analytics]")!.GetAttribute("href"));
        Assert.Equal($"bases/{SampleBase.BaseId}/tables/{SampleBase.Projects}/activity", projects.QuerySelector("[data-testid=table-activity]")!.GetAttribute("href"));
        Assert.Equal("2", cut.Find($"[data-table-id={SampleBase.People}]").QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Contains("Sample base", cut.Find(".mud-breadcrumbs").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BasePageSaysNotFoundForAnUnknownBase()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, projectCount: 1, Token));
        var cut = RenderPage<BasePage>(p => p.Add(x => x.BaseId, "appUnknown000001"));
        cut.WaitForAssertion(() => Assert.Contains("This base is not in the local copy", cut.Markup, StringComparison.Ordinal));
        Assert.NotNull(cut.Find("[data-testid=not-found]"));
    }
}
