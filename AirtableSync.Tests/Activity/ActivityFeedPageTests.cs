using AirtableSync.Storage;
using AirtableSync.Tests.Ui;
using AirtableSync.Web.Components.Pages.ActivityFeed;
using AirtableSync.Web.Components.Pages.Bases;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AirtableSync.Tests.Activity;

public sealed class ActivityFeedPageTests : UiTestContext
{
    private string Address => Services.GetRequiredService<NavigationManager>().Uri;

    private IRenderedComponent<ActivityFeedPage> RenderFeed(string query = "", string? tableId = null)
    {
        var path = tableId is null ? $"bases/{SampleBase.BaseId}/activity" : $"bases/{SampleBase.BaseId}/tables/{tableId}/activity";
        Services.GetRequiredService<NavigationManager>().NavigateTo(query.Length == 0 ? path : $"{path}?{query}");
        return RenderPage<ActivityFeedPage>(p => p.Add(x => x.BaseId, SampleBase.BaseId).Add(x => x.TableId, tableId));
    }

    private static string[] Activities(IRenderedComponent<ActivityFeedPage> cut) =>
        [.. cut.FindAll("[data-testid=activity-item]").Select(i => $"{i.GetAttribute("data-record-id")}/{i.QuerySelector("[data-testid=revision]")?.GetAttribute("data-field-id")}")];

    private static Task ChooseAsync(IRenderedComponent<ActivityFeedPage> cut, string testId, string value)
    {
        var select = cut.FindComponents<MudSelect<string>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId));
        return cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    [Fact]
    public async Task TheFeedListsChangesNewestFirstAndEachRowLinksToItsRecord()
    {
        SignInAs("ana", Web.Auth.AppRoles.Analyst);
        await StoreAsync(store => ActivitySeed.SeedAsync(store, Token));

        var cut = RenderFeed();

        cut.WaitForAssertion(() => Assert.Equal(5, Activities(cut).Length));
        Assert.Equal([.. ActivitySeed.NewestFirst.Select(e => $"{e.Record}/{e.Field}")], Activities(cut));
        var first = cut.FindAll("[data-testid=activity-item]")[0];
        var link = first.QuerySelector("[data-testid=activity-record]");
        Assert.Equal("Ada Lovelace", link?.TextContent.Trim());
        Assert.Equal($"bases/{SampleBase.BaseId}/tables/{SampleBase.People}/records/recAda0000000001", link?.GetAttribute("href"));
        // The field's name now, not the one the event was recorded under ("Old name").
        Assert.Equal("Name", first.QuerySelector("[data-testid=revision-field]")?.TextContent.Trim());
        Assert.Contains("Ada L", first.QuerySelector("[data-testid=revision-actor]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-05-09 10:04:00 UTC", first.QuerySelector("[data-testid=timestamp]")?.GetAttribute("title"));
        Assert.Equal("Project 003", cut.FindAll("[data-testid=activity-record]")[1].TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=activity-more]"));
        Assert.Equal($"bases/{SampleBase.BaseId}/activity.csv", cut.Find("[data-testid=activity-export]").GetAttribute("href"));
    }

    [Fact]
    public async Task ChoosingAPersonAndAKindNarrowsTheFeedAndPutsBothInTheAddressAndTheExport()
    {
        await StoreAsync(store => ActivitySeed.SeedAsync(store, Token));
        var cut = RenderFeed();
        cut.WaitForAssertion(() => Assert.Equal(5, Activities(cut).Length));

        await ChooseAsync(cut, "activity-person", "usrBob");

        cut.WaitForAssertion(() => Assert.Equal([$"{SampleBase.ProjectId(1)}/fldStatus", $"{SampleBase.ProjectId(2)}/fldNotes"], Activities(cut)));
        Assert.EndsWith("/activity?person=usrBob", Address, StringComparison.Ordinal);

        await ChooseAsync(cut, "activity-kind", nameof(RevisionEventKind.Status));

        cut.WaitForAssertion(() => Assert.Equal([$"{SampleBase.ProjectId(1)}/fldStatus"], Activities(cut)));
        Assert.EndsWith("/activity?person=usrBob&kind=status", Address, StringComparison.Ordinal);
        Assert.Equal($"bases/{SampleBase.BaseId}/activity.csv?actor=usrBob&kind=status", cut.Find("[data-testid=activity-export]").GetAttribute("href"));
    }

    [Fact]
    public async Task ASharedAddressOpensTheFeedSearchedAndTheSearchBoxShowsIt()
    {
        await StoreAsync(store => ActivitySeed.SeedAsync(store, Token));

        var cut = RenderFeed("q=%C3%BCberpr%C3%BCfung");

        cut.WaitForAssertion(() => Assert.Equal([$"{SampleBase.ProjectId(2)}/fldNotes"], Activities(cut)));
        Assert.Equal("überprüfung", InputOf(cut, "activity-search").GetAttribute("value"));
    }

    [Fact]
    public async Task DaysInTheAddressAreTheViewersDays()
    {
        // 10:01 UTC on 9 May is already 10 May on Kiritimati (UTC+14): there, "from 10 May" holds every event; in UTC none.
        await StoreAsync(store => ActivitySeed.SeedAsync(store, Token));
        ViewerZone(TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati"));

        var cut = RenderFeed("from=2026-05-10");

        cut.WaitForAssertion(() => Assert.Equal(5, Activities(cut).Length));
        Assert.Equal($"bases/{SampleBase.BaseId}/activity.csv?from=2026-05-09T10%3A00%3A00Z", cut.Find("[data-testid=activity-export]").GetAttribute("href"));
    }

    [Fact]
    public async Task FiltersThatMatchNothingSayThatAndClearingThemBringsTheFeedBack()
    {
        await StoreAsync(store => ActivitySeed.SeedAsync(store, Token));
        var cut = RenderFeed("from=2026-05-10");
        cut.WaitForAssertion(() => Assert.Equal("No changes match these filters", cut.Find("[data-testid=empty-state]").TextContent.Trim()));

        cut.Find("[data-testid=activity-clear]").Click();

        cut.WaitForAssertion(() => Assert.Equal(5, Activities(cut).Length));
        Assert.EndsWith("/activity", Address, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABaseWithoutHistorySaysSo()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 3, Token));

        var cut = RenderFeed();

        cut.WaitForAssertion(() => Assert.Equal("No revision history fetched for this base yet", cut.Find("[data-testid=empty-state]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=activity-clear]"));
    }

    [Fact]
    public async Task LoadMoreAppendsTheNextPageUntilTheLast()
    {
        await StoreAsync(async store =>
        {
            await SampleBase.SeedAsync(store, 1, Token);
            // 60 changes in one millisecond: the page boundary falls inside the tie.
            await store.UpsertRevisionEventsAsync([.. Enumerable.Range(0, 60).Select(i => new RevisionEvent
            {
                RecordId = SampleBase.ProjectId(1), BaseId = SampleBase.BaseId, TableId = SampleBase.Projects, ActivityId = $"act{i:00}", FieldId = "fldNotes",
                FieldName = "Notes", NewValues = [$"note {i}"], ChangedAt = ActivitySeed.T, ActorId = "usrAda", ActorName = "Ada L",
            })], Token);
        });
        var cut = RenderFeed();
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("[data-testid=activity-item]").Count));

        cut.Find("[data-testid=activity-more]").Click();

        cut.WaitForAssertion(() => Assert.Equal(60, cut.FindAll("[data-testid=activity-item]").Count));
        Assert.Empty(cut.FindAll("[data-testid=activity-more]"));
        Assert.Equal(60, cut.FindAll("[data-testid=revision-field]").Count);
        Assert.Equal("60 changes shown", cut.Find("[data-testid=activity-shown]").TextContent.Trim());
    }

    [Fact]
    public async Task ATablesFeedShowsOnlyThatTableAndKeepsTheTableOutOfTheQuery()
    {
        await StoreAsync(store => ActivitySeed.SeedAsync(store, Token));

        var cut = RenderFeed(tableId: SampleBase.People);

        cut.WaitForAssertion(() => Assert.Equal(["recAda0000000001/fldPName"], Activities(cut)));
        Assert.Empty(cut.FindAll("[data-testid=activity-table]"));
        Assert.Equal($"bases/{SampleBase.BaseId}/activity.csv?tableId={SampleBase.People}", cut.Find("[data-testid=activity-export]").GetAttribute("href"));
        Assert.EndsWith($"/tables/{SampleBase.People}/activity", Address, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBasePageLinksToItsActivity()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 1, Token));

        var cut = RenderPage<BasePage>(p => p.Add(x => x.BaseId, SampleBase.BaseId));

        cut.WaitForAssertion(() => Assert.Equal($"bases/{SampleBase.BaseId}/activity", cut.Find("[data-testid=base-activity]").GetAttribute("href")));
    }
}
