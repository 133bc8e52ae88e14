using System.Globalization;
using AirtableSync.Web.Components.Pages.RecordDetails;
using Bunit;

namespace AirtableSync.Tests.Ui;

public class RecordDetailsPageTests : UiTestContext
{
    private const string RecordId = "recProj000000001";
    private const string UnsafeMarkup = "<script>alert(1)</script><div class=\"x\">raw</div>";

    private static readonly RevisionEvent[] History =
    [
        Events.Status("act1", Now.AddDays(-3), "Todo", "Doing", actor: "Ann"),
        Events.Change("act2", Now.AddDays(-2), "fldNotes", "the quick fox", "the slow fox", columnType: "multilineText", actor: "Bob"),
        Events.Change("act4", Now.AddDays(-1), "fldOwner", "Ann", "Bob", RevisionEventKind.Assignee, "collaborator", actor: "Ann"),
        Events.Status("act3", Now.AddHours(-3), "Doing", "Done", actor: "Bob"),
        Events.Change("act5", Now.AddHours(-1), "fldNotes", null, null, actor: "Bob") with { IsParsed = false, RawHtml = UnsafeMarkup },
        Events.Change("act6", Now.AddMinutes(-30), "fldGone", "a", "b", actor: "Ann") with { FieldName = "Field since deleted" },
    ];

    private async Task<IRenderedComponent<RecordDetailsPage>> RenderRecordAsync(
        string recordId = RecordId, string tableId = SampleBase.Projects, TimeZoneInfo? zone = null, params RevisionEvent[] events)
    {
        await StoreAsync(async store =>
        {
            await SampleBase.SeedAsync(store, 3, Token);
            await store.UpsertRevisionEventsAsync(events.Length > 0 ? events : History, Token);
        });
        if (zone is not null)
        {
            ViewerZone(zone);
        }
        var cut = RenderPage<RecordDetailsPage>(p => p.Add(x => x.BaseId, SampleBase.BaseId).Add(x => x.TableId, tableId).Add(x => x.RecordId, recordId));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=loading]")));
        return cut;
    }

    private static IReadOnlyList<string?> Activities(IRenderedComponent<RecordDetailsPage> cut) =>
        [.. cut.FindAll("[data-testid=revision]").Select(r => r.GetAttribute("data-field-id"))];

    [Fact]
    public async Task LongTextIsShownInFullOnTheRecordsPageNotCutAsInTheGrid()
    {
        var cut = await RenderRecordAsync();

        var notes = cut.Find("[data-testid=record-fields] tr[data-field-id=fldNotes] [data-kind=text]");
        Assert.Contains("cell-full", notes.ClassList);
        Assert.Equal("notes for 1", notes.TextContent);
    }

    [Fact]
    public async Task RecordPageShowsEveryFieldReadably()
    {
        var cut = await RenderRecordAsync();
        Assert.Equal("Project 001", cut.Find("[data-testid=record-title]").TextContent.Trim());
        var fields = cut.FindAll("[data-testid=record-fields] tr").ToDictionary(r => r.GetAttribute("data-field-id") ?? "", r => r.QuerySelector("td")?.TextContent.Trim());
        Assert.Equal("Bob <b>Builder</b>", fields["fldLead"]);
        Assert.Equal("Doing", fields["fldStatus"]);
        Assert.Equal("NaN", fields["fldCalc"]);
        Assert.Equal(SampleBase.ProjectFields.Count, fields.Count);
    }

    [Fact]
    public async Task TimelineIsNewestFirstWithCurrentFieldNamesAndActors()
    {
        var cut = await RenderRecordAsync();
        Assert.Equal(["fldGone", "fldNotes", "fldStatus", "fldOwner", "fldNotes", "fldStatus"], Activities(cut));
        var names = cut.FindAll("[data-testid=revision-field]").Select(f => f.TextContent.Trim()).ToList();
        // The schema's current name wins; a field gone from the schema keeps the name captured with the event.
        Assert.Equal(["Field since deleted", "Notes", "Status", "Owner", "Notes", "Status"], names);
        Assert.Contains("bob@example.com", cut.FindAll("[data-testid=revision-actor]")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimesAreRelativeAndExactInTheViewersZone()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        var cut = await RenderRecordAsync(zone: TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var statusDone = cut.FindAll("[data-testid=revision]")[2];
        Assert.Equal("3 hours ago", statusDone.QuerySelector("[data-testid=relative-time]")?.TextContent.Trim());
        Assert.Equal("(5/10/2026 6:00 PM UTC+09:00)", statusDone.QuerySelector("[data-testid=exact-time]")?.TextContent.Trim().Replace('\u202F', ' '));
    }

    [Fact]
    public async Task ListValuesShowOldStruckAndNewAsChips()
    {
        var cut = await RenderRecordAsync();
        var statusDone = cut.FindAll("[data-testid=revision]")[2];
        Assert.Equal("Doing", statusDone.QuerySelector("[data-testid=old-value] s")?.TextContent.Trim());
        Assert.Equal("Done", statusDone.QuerySelector("[data-testid=new-value]")?.TextContent.Trim());
    }

    [Fact]
    public async Task TextChangesShowAWordDiff()
    {
        var cut = await RenderRecordAsync();
        var notes = cut.FindAll("[data-testid=revision]")[4];
        Assert.Equal(["quick"], notes.QuerySelectorAll("del[data-testid=diff-removed]").Select(d => d.TextContent));
        Assert.Equal(["slow"], notes.QuerySelectorAll("ins[data-testid=diff-added]").Select(d => d.TextContent));
        Assert.Equal("the quick slow fox", notes.QuerySelector("[data-testid=text-diff]")?.TextContent.Trim());
    }

    [Fact]
    public async Task ARewrittenTextReadsAsTheOldWordsThenTheNewWithTheirSpaces()
    {
        var cut = await RenderRecordAsync(events:
        [
            Events.Change("actX", Now.AddHours(-1), "fldNotes", "Earlier notes", "Edited 2025-10-27 01:56:00Z", columnType: "multilineText"),
        ]);

        Assert.Equal(["Earlier notes"], cut.FindAll("del[data-testid=diff-removed]").Select(d => d.TextContent));
        Assert.Equal(["Edited 2025-10-27 01:56:00Z"], cut.FindAll("ins[data-testid=diff-added]").Select(d => d.TextContent));
        Assert.Equal("Earlier notes Edited 2025-10-27 01:56:00Z", cut.Find("[data-testid=text-diff]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=toggle-full-text]"));
    }

    [Fact]
    public async Task ALongTextChangeCanBeReadOldAndNewInFull()
    {
        var before = string.Join(' ', Enumerable.Repeat("The customer asked for an export of last quarter.", 5));
        var after = before.Replace("last quarter", "this year", StringComparison.Ordinal);
        var cut = await RenderRecordAsync(events: [Events.Change("actX", Now.AddHours(-1), "fldNotes", before, after, columnType: "multilineText")]);
        Assert.Empty(cut.FindAll("[data-testid=full-text]"));

        cut.Find("[data-testid=toggle-full-text]").Click();

        Assert.Equal(before, cut.Find("[data-testid=full-old]").TextContent);
        Assert.Equal(after, cut.Find("[data-testid=full-new]").TextContent);
        Assert.Contains("export of last quarter. this year. The customer", cut.Find("[data-testid=text-diff]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlInChangedValuesIsEscapedNeverRendered()
    {
        var cut = await RenderRecordAsync(events:
        [
            Events.Change("actX", Now.AddHours(-1), "fldNotes", "plain", "<img src=x onerror=alert(1)> plain", columnType: "multilineText"),
            Events.Change("actY", Now.AddHours(-2), "fldStatus", "<b>Old</b>", "<i>New</i>", RevisionEventKind.Status),
        ]);
        Assert.Empty(cut.FindAll("[data-testid=timeline] img"));
        Assert.Empty(cut.FindAll("[data-testid=timeline] i"));
        Assert.DoesNotContain(cut.FindAll("[data-testid=timeline] b"), b => b.TextContent == "Old");
        Assert.Equal("<img src=x onerror=alert(1)> ", cut.Find("ins[data-testid=diff-added]").TextContent);
        Assert.Equal("<i>New</i>", cut.Find("[data-testid=new-value]").TextContent.Trim());
    }

    [Fact]
    public async Task UnreadableChangesOfferTheRawMarkupAsEscapedText()
    {
        var cut = await RenderRecordAsync();
        var unparsed = cut.FindAll("[data-testid=revision]")[1];
        Assert.Equal("Change could not be read", unparsed.QuerySelector("[data-testid=unparsed]")?.TextContent.Trim());
        Assert.Equal(UnsafeMarkup, unparsed.QuerySelector("details [data-testid=raw-markup]")?.TextContent);
        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("&lt;script&gt;", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiltersNarrowTheTimelineByFieldPersonAndStatusAssignee()
    {
        var cut = await RenderRecordAsync();
        cut.Find("[data-testid=filter-field-fldStatus]").Click();
        Assert.Equal(["fldStatus", "fldStatus"], Activities(cut));
        cut.Find("[data-testid=filter-field-all]").Click();
        cut.FindAll("[data-testid=filter-person]").Single(c => c.TextContent.Trim() == "Bob").Click();
        Assert.Equal(["fldNotes", "fldStatus", "fldNotes"], Activities(cut));
        cut.Find("[data-testid=filter-person-all]").Click();
        InputOf(cut, "status-assignee-only").Change(true);
        Assert.Equal(["fldStatus", "fldOwner", "fldStatus"], Activities(cut));
        cut.FindAll("[data-testid=filter-person]").Single(c => c.TextContent.Trim() == "Ann").Click();
        cut.Find("[data-testid=filter-field-fldNotes]").Click();
        Assert.Equal("No changes match these filters.", cut.Find("[data-testid=no-matching-revisions]").TextContent.Trim());
    }

    [Fact]
    public async Task StatusStripShowsTimeInEachStatusUntilNow()
    {
        var cut = await RenderRecordAsync();
        string Total(string status) => cut.Find($"[data-testid=status-total][data-status={status}] b").TextContent;
        Assert.Equal("2 d 21 h", Total("Doing"));
        Assert.Equal("3 h 0 min", Total("Done"));
        // Todo: from the record's creation (Jan 1, 00:01) until the first change.
        Assert.Equal("126 d 11 h", Total("Todo"));
        Clock.Advance(TimeSpan.FromHours(2));
        cut.Render();
        cut.WaitForAssertion(() => Assert.Equal("5 h 0 min", Total("Done")));
    }

    [Fact]
    public async Task RecordWithoutHistorySaysSo()
    {
        var cut = await RenderRecordAsync(events: [Events.Change("x", Now, "fldNotes", "a", "b", recordId: "recProj000000002")]);
        Assert.Contains("No revision history fetched for this record yet", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=status-strip]"));
    }

    [Fact]
    public async Task BrokenHistoryShowsAFriendlyError()
    {
        await StoreAsync(store => SampleBase.SeedAsync(store, 1, Token));
        await BreakStoreAsync("revision_events");
        var cut = RenderPage<RecordDetailsPage>(p => p.Add(x => x.BaseId, SampleBase.BaseId).Add(x => x.TableId, SampleBase.Projects).Add(x => x.RecordId, RecordId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=error-state]")));
        Assert.DoesNotContain("revision_events", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recUnknown000001", SampleBase.Projects)]
    [InlineData("recAda0000000001", SampleBase.Projects)]
    [InlineData(RecordId, "tblUnknown000001")]
    public async Task UnknownOrMisplacedRecordSaysNotFound(string recordId, string tableId)
    {
        var cut = await RenderRecordAsync(recordId, tableId);
        Assert.Contains("This record is not in the local copy", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=timeline]"));
    }
}
