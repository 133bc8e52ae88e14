using System.Text.Json;
using AirtableSync.Tests.Ui;
using AirtableSync.Web.Components.Pages.RecordDetails;
using AirtableSync.Web.Components.Pages.RecordList;
using Bunit;

namespace AirtableSync.Tests.Security;

/// <summary>
/// Values from Airtable (cells, revision diffs, names) are shown as typed: markup inside them must never become
/// elements in the page. Airtable's own diff HTML is parsed on sync and only its text is stored (docs/airtable/revision-history.md §4).
/// </summary>
public sealed class RevisionMarkupTests : UiTestContext
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";
    private const string RecordId = "recProj000000001";

    private static readonly RevisionEvent[] HostileHistory =
    [
        // A text field: the word diff of old and new text.
        Events.Change("actText", DateTimeOffset.UnixEpoch.AddDays(1), "fldNotes", "plain " + Script, "plain " + Image, columnType: "multilineText"),
        // A select: old and new values as chips.
        Events.Change("actSelect", DateTimeOffset.UnixEpoch.AddDays(2), "fldStatus", Image, Script, RevisionEventKind.Status),
        // An actor whose name and e-mail carry markup, on a change whose field is gone from the schema (its captured name shows).
        Events.Change("actActor", DateTimeOffset.UnixEpoch.AddDays(3), "fldGone", "a", "b", actor: Image) with
        {
            FieldName = Script,
            ActorEmail = Image + "@example.com",
        },
        // A change the parser could not read: its raw diff HTML is offered for inspection, as text.
        Events.Change("actRaw", DateTimeOffset.UnixEpoch.AddDays(4), "fldNotes", null, null) with
        {
            IsParsed = false,
            RawHtml = $"<div class=\"historicalCellValue\">{Script}{Image}</div>",
        },
    ];

    [Fact]
    public async Task MarkupInRevisionValuesNamesAndRawDiffsIsShownAsTextNeverAsElements()
    {
        await StoreAsync(async store =>
        {
            await SampleBase.SeedAsync(store, 3, Token);
            await store.UpsertRevisionEventsAsync(HostileHistory, Token);
        });

        var cut = RenderPage<RecordDetailsPage>(p => p.Add(x => x.BaseId, SampleBase.BaseId).Add(x => x.TableId, SampleBase.Projects).Add(x => x.RecordId, RecordId));
        cut.WaitForAssertion(() => Assert.Equal(HostileHistory.Length, cut.FindAll("[data-testid=revision]").Count));

        AssertNoInjectedElements(cut.FindAll("[data-testid=timeline], [data-testid=revision]"));
        var text = string.Concat(cut.FindAll("[data-testid=revision]").Select(r => r.TextContent));
        Assert.Contains(Script, text, StringComparison.Ordinal);
        Assert.Contains(Image, text, StringComparison.Ordinal);
        Assert.Contains(Script, cut.Find("[data-testid=raw-markup]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkupInCellValuesIsShownAsTextOnTheRecordAndInTheTable()
    {
        var fields = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["fldName"] = Script,
            ["fldNotes"] = Image,
            ["fldStatus"] = Script,
            ["fldOwner"] = new { id = "usrX", email = "x@example.com", name = Image },
        });
        await StoreAsync(async store =>
        {
            await SampleBase.SeedAsync(store, 1, Token);
            await store.UpsertRecordsAsync(SampleBase.BaseId, SampleBase.Projects, [new RecordData(RecordId, SampleBase.Created, fields)], SampleBase.SyncedAt, Token);
        });

        var record = RenderPage<RecordDetailsPage>(p => p.Add(x => x.BaseId, SampleBase.BaseId).Add(x => x.TableId, SampleBase.Projects).Add(x => x.RecordId, RecordId));
        record.WaitForAssertion(() => Assert.Contains(Script, record.Find("[data-testid=record-fields]").TextContent, StringComparison.Ordinal));
        Assert.Contains(Image, record.Find("[data-testid=record-fields]").TextContent, StringComparison.Ordinal);
        AssertNoInjectedElements(record.FindAll("[data-testid=record-fields], [data-testid=record-title]"));

        var table = Render<RecordsPage>(p => p.Add(x => x.BaseId, SampleBase.BaseId).Add(x => x.TableId, SampleBase.Projects));
        table.WaitForAssertion(() => Assert.Contains(Image, table.Find("[data-testid=records-grid]").TextContent, StringComparison.Ordinal));
        Assert.Contains(Script, table.Find("[data-testid=records-grid]").TextContent, StringComparison.Ordinal);
        AssertNoInjectedElements(table.FindAll("[data-testid=records-grid]"));
    }

    private static void AssertNoInjectedElements(IEnumerable<AngleSharp.Dom.IElement> roots)
    {
        var list = roots.ToList();
        Assert.NotEmpty(list);
        foreach (var root in list)
        {
            Assert.Empty(root.QuerySelectorAll("script"));
            Assert.Empty(root.QuerySelectorAll("img"));
            Assert.Empty(root.QuerySelectorAll("[onerror]"));
            Assert.Empty(root.QuerySelectorAll(".historicalCellValue"));
        }
    }
}
