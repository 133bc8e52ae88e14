using AirtableSync.Web.Components.Pages.RecordList;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Ui;

// Per-field filters on a table's records page: from a shared address, edited in the panel, removed from a chip.
public class RecordFiltersPageTests : UiTestContext
{
    private IRenderedComponent<RecordsPage> RenderRecords(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"bases/{SampleBase.BaseId}/tables/{SampleBase.Projects}?{query}");
        return RenderPage<RecordsPage>(p => p.Add(x => x.BaseId, SampleBase.BaseId).Add(x => x.TableId, SampleBase.Projects));
    }

    private static IReadOnlyList<string> Statuses(IRenderedComponent<RecordsPage> cut) =>
        [.. cut.FindAll("tbody tr.mud-table-row").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim())];

    private string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public async Task ASharedAddressFiltersTheGridAndTheChipRemovesTheFilter()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 120, Token));
        var cut = RenderRecords("filter[fldStatus]=Todo");

        // Every third project is Todo (SampleBase).
        cut.WaitForAssertion(() => Assert.Equal(40, Statuses(cut).Count));
        Assert.All(Statuses(cut), s => Assert.Equal("Todo", s));
        Assert.Equal("40 records match", cut.Find("[data-testid=record-count]").TextContent.Trim());
        Assert.Equal("Status: Todo", cut.Find("[data-testid=filter-chip-fldStatus]").TextContent.Trim());
        Assert.Equal("1 filter", cut.Find("[data-testid=filter-button]").TextContent.Trim());
        Assert.Contains("fldStatus", cut.Find("[data-testid=export-csv]").GetAttribute("href"), StringComparison.Ordinal);

        cut.Find("[data-testid=filter-chip-remove-fldStatus]").Click();

        cut.WaitForAssertion(() => Assert.Equal(120, Statuses(cut).Count));
        Assert.DoesNotContain("filter", Uri, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=filter-chip-fldStatus]"));
    }

    [Fact]
    public async Task TickingOptionsInThePanelWidensAndNarrowsTheFilterAndKeepsItInTheAddress()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 120, Token));
        var cut = RenderRecords("filter[fldStatus]=Todo");
        cut.WaitForAssertion(() => Assert.Equal(40, Statuses(cut).Count));
        cut.Find("[data-testid=filter-button]").Click();

        InputOf(Popovers, "filter-option-fldStatus-Doing").Change(true);

        cut.WaitForAssertion(() => Assert.Equal(80, Statuses(cut).Count));
        Assert.Equal(["Doing", "Todo"], Statuses(cut).Distinct().Order());
        Assert.Contains("filter%5BfldStatus%5D=Todo&filter%5BfldStatus%5D=Doing", Uri, StringComparison.Ordinal);
        Assert.Equal("Status: Todo or Doing", cut.Find("[data-testid=filter-chip-fldStatus]").TextContent.Trim());

        InputOf(Popovers, "filter-option-fldStatus-Todo").Change(false);

        cut.WaitForAssertion(() => Assert.Equal(40, Statuses(cut).Count));
        Assert.All(Statuses(cut), s => Assert.Equal("Doing", s));
        // Unticking the last option removes the filter but keeps its editor open in the panel.
        InputOf(Popovers, "filter-option-fldStatus-Doing").Change(false);
        cut.WaitForAssertion(() => Assert.Equal(120, Statuses(cut).Count));
        Assert.NotNull(Popovers.Find("[data-testid=filter-fldStatus]"));
    }

    [Fact]
    public async Task ClearFiltersInThePanelRemovesEveryFilterAndKeepsTheSearch()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 12, Token));
        var cut = RenderRecords("filter[fldStatus]=Todo&filter[fldOwner]=usrAda&q=project");
        cut.WaitForAssertion(() => Assert.Equal(4, Statuses(cut).Count));
        Assert.Equal("2 filters", cut.Find("[data-testid=filter-button]").TextContent.Trim());
        cut.Find("[data-testid=filter-button]").Click();

        Popovers.Find("[data-testid=filter-clear]").Click();

        cut.WaitForAssertion(() => Assert.Equal(12, Statuses(cut).Count));
        Assert.Equal("Filter", cut.Find("[data-testid=filter-button]").TextContent.Trim());
        Assert.DoesNotContain("filter", Uri, StringComparison.Ordinal);
        Assert.Contains("q=project", Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiltersThatMatchNothingSaySoAndOfferToClearThem()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 12, Token));
        var cut = RenderRecords("filter[fldStatus]=Archived&q=project");

        cut.WaitForAssertion(() => Assert.Equal("No records match “project” with these filters.", cut.Find("[data-testid=no-records]").TextContent.Trim()));
        cut.Find("[data-testid=clear-filters]").Click();

        cut.WaitForAssertion(() => Assert.Equal(12, Statuses(cut).Count));
        Assert.Contains("q=project", Uri, StringComparison.Ordinal);
        Assert.DoesNotContain("filter", Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAddressKeyThatDoesNotFitTheTableIsDroppedNotAnError()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 12, Token));
        var cut = RenderRecords("filter[fldNotes]=x&from[fldStatus]=2025-01-01&filter[fldNope]=y");

        cut.WaitForAssertion(() => Assert.Equal(12, Statuses(cut).Count));
        Assert.Empty(cut.FindAll("[data-testid=error-state]"));
        Assert.Equal("Filter", cut.Find("[data-testid=filter-button]").TextContent.Trim());
    }
}
