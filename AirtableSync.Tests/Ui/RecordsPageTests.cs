using AirtableSync.Web.Components.Pages.RecordList;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Ui;

public class RecordsPageTests : UiTestContext
{
    private IRenderedComponent<RecordsPage> RenderRecords(string tableId = SampleBase.Projects, string? q = null, int? page = null)
    {
        // Query parameters come from the address, as when a shared link is opened.
        var navigation = Services.GetRequiredService<NavigationManager>();
        var path = $"bases/{SampleBase.BaseId}/tables/{tableId}";
        navigation.NavigateTo(q is not null ? $"{path}?q={Uri.EscapeDataString(q)}" : page is not null ? $"{path}?page={page}" : path);
        return RenderPage<RecordsPage>(p => p.Add(x => x.BaseId, SampleBase.BaseId).Add(x => x.TableId, tableId));
    }

    private static IReadOnlyList<string> Names(IRenderedComponent<RecordsPage> cut) =>
        [.. cut.FindAll("tbody tr.mud-table-row").Select(r => r.QuerySelectorAll("td")[0].TextContent.Trim())];

    [Fact]
    public async Task AnAnalystSeesWhenTheTablesBaseWasLastSynced()
    {
        SignInAs("ana", Web.Auth.AppRoles.Analyst);
        await StoreAsync(store => SampleBase.SeedAsync(store, 3, Token));

        var cut = RenderRecords();

        // SampleBase synced at 09:00 on the clock's day; the clock says 12:00.
        cut.WaitForAssertion(() => Assert.Equal("3 hours ago", cut.Find("[data-testid=table-last-synced] [data-testid=relative-time]").TextContent.Trim()));
        Assert.StartsWith("Last synced", cut.Find("[data-testid=table-last-synced]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGridShowsRecordsInOrderWithThePrimaryFieldThenStatusAndAssignee()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 120, Token));
        var cut = RenderRecords();
        // bUnit has no layout, so the virtualised grid asks for every row; Chromium shows the window (GridEndToEndTests).
        cut.WaitForAssertion(() => Assert.Equal(120, Names(cut).Count));
        Assert.Equal([.. Enumerable.Range(1, 120).Select(i => $"Project {i:000}")], Names(cut));
        Assert.Equal("120 records", cut.Find("[data-testid=record-count]").TextContent.Trim());
        var headers = cut.FindAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        // Owner is the table's Assignee (a collaborator field named like one): it follows Status, before Score.
        Assert.Equal(["Name", "Status", "Owner", "Score", "Lead", "Notes", "Calc"], headers);
        Assert.DoesNotContain("Old field", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecordWithAnEmptyPrimaryFieldIsCalledUnnamedAndCanStillBeOpened()
    {
        await StoreAsync(async store =>
        {
            await SampleBase.SeedAsync(store, 1, Token);
            await store.UpsertRecordsAsync(SampleBase.BaseId, SampleBase.Projects, [new("recNoName0000001", SampleBase.Created.AddDays(1), """{"fldStatus":"Todo"}""")], SampleBase.SyncedAt, Token);
        });
        var cut = RenderRecords();

        cut.WaitForAssertion(() => Assert.Equal(["Project 001", "Unnamed record"], Names(cut)));
        Assert.NotNull(cut.FindAll("tbody tr.mud-table-row")[1].QuerySelector("[data-testid=open-record]"));
    }

    [Fact]
    public async Task CellsReadByTypeWithLinkedRecordsResolvedLocally()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 2, Token));
        var cut = RenderRecords();
        cut.WaitForAssertion(() => Assert.Equal(2, Names(cut).Count));
        var first = cut.FindAll("tbody tr.mud-table-row")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Project 001", "Doing", "Ada L", "1", "Bob <b>Builder</b>", "notes for 1", "NaN"], first);
        Assert.Empty(cut.FindAll("tbody b"));
        var lead = cut.FindAll("tbody tr.mud-table-row")[1].QuerySelector("[data-kind=links] a");
        Assert.Equal("Ada Lovelace", lead?.TextContent.Trim());
        Assert.Equal($"bases/{SampleBase.BaseId}/tables/{SampleBase.People}/records/recAda0000000001", lead?.GetAttribute("href"));
        Assert.NotNull(cut.Find("tbody [data-kind=error]"));
    }

    [Fact]
    public async Task ClickingAHeaderSortsInTheStoreAscendingThenDescending()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 120, Token));
        var cut = RenderRecords();
        cut.WaitForAssertion(() => Assert.Equal(120, Names(cut).Count));
        cut.Find("[data-testid=sort-fldScore]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Project 001", Names(cut)[0]));
        cut.Find("[data-testid=sort-fldScore]").Click();
        cut.WaitForAssertion(() => Assert.Equal(["Project 120", "Project 119"], Names(cut).Take(2)));
        // Status sorts by its option order (Todo, Doing, Done), not alphabetically (Doing would come first).
        cut.Find("[data-testid=sort-fldStatus]").Click();
        cut.WaitForAssertion(() => Assert.All(Names(cut).Take(40), n => Assert.Equal(0, int.Parse(n[^3..], System.Globalization.CultureInfo.InvariantCulture) % 3)));
    }

    private async Task TypeSearchAsync(IRenderedComponent<RecordsPage> cut, string text)
    {
        await cut.InvokeAsync(() => InputOf(cut, "record-search").Input(text));
        Clock.Advance(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ASearchMatchingMoreRecordsThanItCountsSaysSoWithAPlus()
    {
        // One step of the count (10,000) and 50 more match "project"; "project 1" only 1,151 (100–199, 1000–1999, 10000–10050).
        const int count = AirtableSync.Model.RecordPage.SearchCountStep + 50;
        await StoreAsync(async store =>
        {
            await SampleBase.SeedAsync(store, projectCount: 0, Token);
            foreach (var batch in Enumerable.Range(1, count).Select(SampleBase.Project).Chunk(5000))
            {
                await store.UpsertRecordsAsync(SampleBase.BaseId, SampleBase.Projects, batch, SampleBase.SyncedAt, Token);
            }
        });

        var cut = RenderRecords(q: "project");

        cut.WaitForAssertion(() => Assert.Equal($"{AirtableSync.Model.RecordPage.SearchCountStep.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)}+ records match",
            cut.Find("[data-testid=record-count]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Equal("Project 001", Names(cut)[0]);
        await TypeSearchAsync(cut, "project 1");
        cut.WaitForAssertion(() => Assert.Equal($"{1151.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)} records match", cut.Find("[data-testid=record-count]").TextContent.Trim()), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task SearchFiltersInTheStoreAndIsKeptInTheAddress()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 120, Token));
        var cut = RenderRecords();
        cut.WaitForAssertion(() => Assert.Equal(120, Names(cut).Count));
        // Typed, not submitted: the search runs once the analyst pauses (on the injected clock if MudBlazor uses it).
        await TypeSearchAsync(cut, "project 05");
        cut.WaitForAssertion(() => Assert.Equal([.. Enumerable.Range(50, 10).Select(i => $"Project {i:000}")], Names(cut)), TimeSpan.FromSeconds(10));
        Assert.Contains("q=project%2005", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Equal("10 records match", cut.Find("[data-testid=record-count]").TextContent.Trim());
        await TypeSearchAsync(cut, "nothing like this");
        cut.WaitForAssertion(() => Assert.Equal("No records match “nothing like this”.", cut.Find("[data-testid=no-records]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        // Outside the grid: its empty row spans every column and centres its text far off to the right.
        Assert.Empty(cut.Find("[data-testid=records-grid]").QuerySelectorAll("[data-testid=no-records]"));

        cut.Find("[data-testid=clear-search]").Click();

        cut.WaitForAssertion(() => Assert.Equal(120, Names(cut).Count));
        Assert.Empty(cut.FindAll("[data-testid=no-records]"));
        Assert.DoesNotContain("q=", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Equal("", InputOf(cut, "record-search").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task SearchTextFromASharedAddressIsAppliedOnArrival()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 120, Token));
        var cut = RenderRecords(q: "Project 11");
        cut.WaitForAssertion(() => Assert.Equal([.. Enumerable.Range(110, 10).Select(i => $"Project {i:000}")], Names(cut)));
    }

    [Fact]
    public async Task AnOldLinksPageNumberIsDroppedAndTheGridStartsAtTheTop()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 120, Token));
        var cut = RenderRecords(page: 2);
        cut.WaitForAssertion(() => Assert.Equal("Project 001", Names(cut)[0]));
        Assert.DoesNotContain("page=", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedRecordsAreHiddenUntilShownWithATombstone()
    {
        await StoreAsync(async store =>
        {
            await SampleBase.SeedAsync(store, 5, Token);
            var later = SampleBase.SyncedAt.AddHours(1);
            await store.UpsertRecordsAsync(SampleBase.BaseId, SampleBase.Projects, [.. new[] { 1, 2, 4, 5 }.Select(SampleBase.Project)], later, Token);
            await store.TombstoneRecordsNotSeenSinceAsync(SampleBase.BaseId, SampleBase.Projects, later, later, Token);
        });
        var cut = RenderRecords();
        cut.WaitForAssertion(() => Assert.Equal(["Project 001", "Project 002", "Project 004", "Project 005"], Names(cut)));
        Assert.Empty(cut.FindAll("[data-testid=tombstone]"));
        InputOf(cut, "show-deleted").Change(true);
        cut.WaitForAssertion(() => Assert.Equal(5, Names(cut).Count));
        var deleted = cut.FindAll("tbody tr.mud-table-row")[2];
        Assert.Contains("record-deleted", deleted.ClassName, StringComparison.Ordinal);
        Assert.NotNull(deleted.QuerySelector("[data-testid=tombstone]"));
    }

    [Fact]
    public async Task SwitchingToAnotherTableShowsItsColumnsAndRows()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 3, Token));
        var cut = RenderRecords();
        cut.WaitForAssertion(() => Assert.Equal(3, Names(cut).Count));
        cut.Render(p => p.Add(x => x.TableId, SampleBase.People));
        cut.WaitForAssertion(() => Assert.Equal(["Ada Lovelace", "Bob <b>Builder</b>"], Names(cut)));
        Assert.Equal(["Name"], cut.FindAll("thead th").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task EmptyTableSaysSo()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 0, Token));
        var cut = RenderRecords();
        cut.WaitForAssertion(() => Assert.Equal("No records in this table yet.", cut.Find("[data-testid=no-records]").TextContent.Trim()));
    }

    [Fact]
    public async Task UnknownTableSaysNotFound()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 1, Token));
        var cut = RenderRecords(tableId: "tblUnknown000001");
        cut.WaitForAssertion(() => Assert.Contains("This table is not in the local copy", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=records-grid]"));
    }

    [Fact]
    public async Task BrokenStoreShowsAFriendlyErrorInsteadOfRows()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 3, Token));
        await BreakStoreAsync("records");
        var cut = RenderRecords();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=error-state]")));
        Assert.DoesNotContain("no such table", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }
}
