using AirtableSync.Storage;
using AirtableSync.Web.Components.Pages.RecordList;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Ui;

// The column chooser on a table's records page: what the grid shows, and that each person's choice is kept.
public class RecordColumnsTests : UiTestContext
{
    // The test context signs in "admin" through bUnit's authorization: not a local account, so keyed by subject.
    private const string AdminKey = "external:admin";

    private IRenderedComponent<RecordsPage> RenderRecords()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"bases/{SampleBase.BaseId}/tables/{SampleBase.Projects}");
        return RenderPage<RecordsPage>(p => p.Add(x => x.BaseId, SampleBase.BaseId).Add(x => x.TableId, SampleBase.Projects));
    }

    private static IReadOnlyList<string> Headers(IRenderedComponent<RecordsPage> cut) =>
        [.. cut.FindAll("thead th").Select(h => h.TextContent.Trim())];

    private static async Task<IRenderedComponent<RecordsPage>> WhenLoadedAsync(IRenderedComponent<RecordsPage> cut)
    {
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tbody tr.mud-table-row").Count));
        await Task.CompletedTask;
        return cut;
    }

    [Fact]
    public async Task HidingAFieldRemovesItsColumnAndIsKeptForThePerson()
    {
        var store = await StoreAsync(s => SampleBase.SeedAsync(s, 3, Token));
        var cut = await WhenLoadedAsync(RenderRecords());
        Assert.Equal("Fields", cut.Find("[data-testid=column-chooser]").TextContent.Trim());

        cut.Find("[data-testid=column-chooser]").Click();
        Popovers.Find("[data-testid=column-fldNotes] input").Change(false);

        cut.WaitForAssertion(() => Assert.DoesNotContain("Notes", Headers(cut)));
        Assert.Equal("1 hidden field", cut.Find("[data-testid=column-chooser]").TextContent.Trim());
        var kept = await store.GetGridLayoutAsync(AdminKey, SampleBase.BaseId, SampleBase.Projects, Token);
        Assert.Equal(["fldNotes"], kept!.Hidden);
    }

    [Fact]
    public async Task MovingAFieldReordersTheColumnsButNeverThePrimaryField()
    {
        var store = await StoreAsync(s => SampleBase.SeedAsync(s, 3, Token));
        var cut = await WhenLoadedAsync(RenderRecords());
        cut.Find("[data-testid=column-chooser]").Click();
        Assert.True(Popovers.Find("[data-testid=move-up-fldStatus]").HasAttribute("disabled"));
        Assert.True(Popovers.Find("[data-testid=column-fldName] input").HasAttribute("disabled"));

        Popovers.Find("[data-testid=move-up-fldScore]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Name", "Status", "Score", "Owner", "Lead", "Notes", "Calc"], Headers(cut)));
        var kept = await store.GetGridLayoutAsync(AdminKey, SampleBase.BaseId, SampleBase.Projects, Token);
        Assert.Equal(["fldName", "fldStatus", "fldScore", "fldOwner", "fldLead", "fldNotes", "fldCalc"], kept!.Order);
    }

    [Fact]
    public async Task ASavedLayoutIsAppliedOnArrivalAndResetForgetsIt()
    {
        var store = await StoreAsync(async s =>
        {
            await SampleBase.SeedAsync(s, 3, Token);
            await s.SaveGridLayoutAsync(AdminKey, SampleBase.BaseId, SampleBase.Projects, new(["fldCalc", "fldStatus"], ["fldLead", "fldNotes"]), Now, Token);
        });
        var cut = await WhenLoadedAsync(RenderRecords());
        // The primary field leads whatever the layout says; fields the layout does not name follow in the default order.
        Assert.Equal(["Name", "Calc", "Status", "Owner", "Score"], Headers(cut));
        Assert.Equal("2 hidden fields", cut.Find("[data-testid=column-chooser]").TextContent.Trim());

        cut.Find("[data-testid=column-chooser]").Click();
        Popovers.Find("[data-testid=columns-reset]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Name", "Status", "Owner", "Score", "Lead", "Notes", "Calc"], Headers(cut)));
        Assert.Null(await store.GetGridLayoutAsync(AdminKey, SampleBase.BaseId, SampleBase.Projects, Token));
        Assert.True(Popovers.Find("[data-testid=columns-reset]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ThePrimaryColumnIsFrozenAndTheHeaderSticks()
    {
        await StoreAsync(s => SampleBase.SeedAsync(s, 3, Token));
        var cut = await WhenLoadedAsync(RenderRecords());

        var primaryHeader = cut.FindAll("thead th")[0];
        Assert.Contains("sticky-left", primaryHeader.ClassName, StringComparison.Ordinal);
        Assert.Contains("primary-column", primaryHeader.ClassName, StringComparison.Ordinal);
        Assert.All(cut.FindAll("tbody tr.mud-table-row"), row => Assert.Contains("sticky-left", row.QuerySelector("td")!.ClassName, StringComparison.Ordinal));
        Assert.DoesNotContain("sticky-left", cut.FindAll("thead th")[1].ClassName, StringComparison.Ordinal);
        Assert.Contains("mud-table-sticky-header", cut.Find("[data-testid=records-grid]").ClassName, StringComparison.Ordinal);
    }
}
