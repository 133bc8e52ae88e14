using AirtableSync.Tests.Ui;
using AirtableSync.Web.Components.Pages.RecordList;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Export;

public sealed class ExportButtonTests : UiTestContext
{
    private IRenderedComponent<RecordsPage> RenderRecords()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"bases/{SampleBase.BaseId}/tables/{SampleBase.Projects}");
        return RenderPage<RecordsPage>(p => p.Add(x => x.BaseId, SampleBase.BaseId).Add(x => x.TableId, SampleBase.Projects));
    }

    private static string? Href(IRenderedComponent<RecordsPage> cut) => cut.Find("[data-testid=export-csv]").GetAttribute("href");

    [Fact]
    public async Task AnAnalystSeesAnExportLinkThatFollowsTheSearchAndTheDeletedSwitch()
    {
        SignInAs("ana", Web.Auth.AppRoles.Analyst);
        await StoreAsync(store => SampleBase.SeedAsync(store, 60, Token));
        var cut = RenderRecords();
        cut.WaitForAssertion(() => Assert.Equal($"bases/{SampleBase.BaseId}/tables/{SampleBase.Projects}/export.csv", Href(cut)));
        var link = cut.Find("[data-testid=export-csv]");
        Assert.Equal("A", link.TagName);
        Assert.True(link.HasAttribute("download"), "a plain download, not a Blazor navigation");
        Assert.Contains("Export CSV", link.TextContent, StringComparison.Ordinal);

        await cut.InvokeAsync(() => InputOf(cut, "record-search").Input("project 05 & co"));
        Clock.Advance(TimeSpan.FromSeconds(1)); // the search runs once typing pauses
        cut.WaitForAssertion(() => Assert.Equal($"bases/{SampleBase.BaseId}/tables/{SampleBase.Projects}/export.csv?q=project%2005%20%26%20co", Href(cut)), TimeSpan.FromSeconds(10));
        InputOf(cut, "show-deleted").Change(true);
        cut.WaitForAssertion(() => Assert.EndsWith("?q=project%2005%20%26%20co&includeDeleted=true", Href(cut), StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheExportLinkFollowsTheGridsSortThroughAscendingDescendingAndOff()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 5, Token));
        var cut = RenderRecords();
        var plain = $"bases/{SampleBase.BaseId}/tables/{SampleBase.Projects}/export.csv";
        cut.WaitForAssertion(() => Assert.Equal(plain, Href(cut)));

        cut.Find("[data-testid=sort-fldScore]").Click();
        cut.WaitForAssertion(() => Assert.Equal(plain + "?sort=fldScore", Href(cut)));
        cut.Find("[data-testid=sort-fldScore]").Click();
        cut.WaitForAssertion(() => Assert.Equal(plain + "?sort=fldScore&desc=true", Href(cut)));
        cut.Find("[data-testid=sort-fldScore]").Click();
        cut.WaitForAssertion(() => Assert.Equal(plain, Href(cut)));
    }
}
