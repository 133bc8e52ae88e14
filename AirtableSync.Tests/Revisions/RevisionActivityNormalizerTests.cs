using AirtableSync.Revisions;
using static AirtableSync.Tests.Revisions.DiffFixtures;

namespace AirtableSync.Tests.Revisions;

public class RevisionActivityNormalizerTests
{
    private static readonly RevisionPageContext Context = new("appBase0000000001", "tblTickets0000001", "recTicket00000001",
        new RevisionFieldRoles(StatusFieldId: "fldStatus", AssigneeFieldId: "fldAssignee"));

    private readonly RevisionActivityNormalizer _normalizer = new(new RevisionDiffParser());

    private static string StatusChange(string fieldName, string from, string to) => Container("fldStatus", fieldName, "select", "diff",
        $"""<span class="strikethrough colors-background-negative" title="{from}">{from}</span><span class="colors-background-success" title="{to}">{to}</span>""");

    private static string AssigneeChange(string fieldName, string from, string to) =>
        Container("fldAssignee", fieldName, "collaborator", "diff", Pill(from, struck: true) + Pill(to, struck: false));

    [Fact]
    public void EventCarriesKeyActorFromUserMapTimeAndGroupType()
    {
        var json = new RevisionEnvelopeJson()
            .User("usrAda", "Ada Lovelace", "ada@example.com")
            .Activity("actOne", "2026-03-01T10:00:00.000Z", "usrAda", E1StatusSpans, groupType: "edit")
            .Build();

        var page = _normalizer.Normalize(json, Context);

        var e = Assert.Single(page.Events);
        Assert.Equal(("recTicket00000001", "appBase0000000001", "tblTickets0000001", "actOne", "fldStatus"), (e.RecordId, e.BaseId, e.TableId, e.ActivityId, e.FieldId));
        Assert.Equal(("usrAda", "Ada Lovelace", "ada@example.com"), (e.ActorId, e.ActorName, e.ActorEmail));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), e.ChangedAt);
        Assert.Equal("edit", e.GroupType);
        Assert.Equal("select", e.ColumnType);
        Assert.Equal(["In Progress"], e.OldValues);
        Assert.Equal(["On Hold"], e.NewValues);
        Assert.True(e.IsParsed);
        Assert.Contains("historicalCellContainer", e.RawHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void ActorMissingFromUserMapKeepsItsIdWithoutName()
    {
        var json = new RevisionEnvelopeJson().Activity("actOne", "2026-03-01T10:00:00Z", "usrGhost", E1StatusSpans).Build();

        var e = Assert.Single(_normalizer.Normalize(json, Context).Events);

        Assert.Equal("usrGhost", e.ActorId);
        Assert.Null(e.ActorName);
        Assert.Null(e.ActorEmail);
    }

    [Fact]
    public void TimesWithOffsetsAreStoredAsUtc()
    {
        var json = new RevisionEnvelopeJson().Activity("actOne", "2026-03-01T10:00:00+02:00", "usrA", E1StatusSpans).Build();

        var e = Assert.Single(_normalizer.Normalize(json, Context).Events);

        Assert.Equal(TimeSpan.Zero, e.ChangedAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), e.ChangedAt);
    }

    [Theory]
    [InlineData("rowCreate")]
    [InlineData("apiRowCreate")]
    public void RowCreationBecomesNullToValueEventsWithoutOldValues(string groupType)
    {
        var html = Container("fldStatus", "Status", "select", "nullToValue", """<span class="colors-background-success" title="Todo">Todo</span>""")
            + StatusChange("Status", "Draft", "Todo").Replace("fldStatus", "fldOther", StringComparison.Ordinal);
        var json = new RevisionEnvelopeJson().Activity("actCreate", "2026-03-01T10:00:00Z", "usrA", html, groupType).Build();

        var events = _normalizer.Normalize(json, Context).Events;

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(ChangeKind.NullToValue, e.ChangeKind));
        Assert.All(events, e => Assert.Null(e.OldValues));
        Assert.All(events, e => Assert.Equal(["Todo"], e.NewValues));
        Assert.All(events, e => Assert.Equal(groupType, e.GroupType));
    }

    [Fact]
    public void CommentsAreKeptApartFromEventsWithTheirAuthor()
    {
        var json = new RevisionEnvelopeJson()
            .User("usrGrace", "Grace Hopper", "grace@example.com")
            .Activity("actOne", "2026-03-01T10:00:00Z", "usrGrace", E1StatusSpans)
            .Comment("comOne", "2026-03-01T11:00:00Z", "usrGrace", "Looks good @[usrAda]")
            .Build();

        var page = _normalizer.Normalize(json, Context);

        Assert.Single(page.Events);
        var comment = Assert.Single(page.Comments);
        Assert.Equal(new RecordComment("recTicket00000001", "comOne", "usrGrace", "Grace Hopper", "Looks good @[usrAda]",
            new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero)), comment);
        Assert.DoesNotContain(page.Events, e => e.ActivityId == "comOne");
    }

    [Fact]
    public void ActivitiesWithoutDiffRowHtmlAreSkippedAndReported()
    {
        var json = new RevisionEnvelopeJson()
            .Activity("actConfig", "2026-03-01T09:00:00Z", "usrA", diffRowHtml: null, groupType: "columnConfig")
            .Activity("actOne", "2026-03-01T10:00:00Z", "usrA", E1StatusSpans)
            .Build();

        var page = _normalizer.Normalize(json, Context);

        Assert.Equal(["actOne"], page.Events.Select(e => e.ActivityId));
        Assert.Equal(["actConfig"], page.SkippedActivityIds);
    }

    [Fact]
    public void UnparsedContainersBecomeEventsWithSyntheticFieldIdsAndRawHtml()
    {
        var garbage = "<div class=\"historicalCellContainer\"><p>?</p></div><div class=\"historicalCellContainer\"><b>!</b></div>";
        var json = new RevisionEnvelopeJson()
            .Activity("actOdd", "2026-03-01T10:00:00Z", "usrA", garbage)
            .Activity("actEmpty", "2026-03-01T11:00:00Z", "usrA", "")
            .Build();

        var events = _normalizer.Normalize(json, Context).Events;

        Assert.Equal([("actOdd", "unparsed:0"), ("actOdd", "unparsed:1"), ("actEmpty", "unparsed:0")], events.Select(e => (e.ActivityId, e.FieldId)));
        Assert.All(events, e => Assert.False(e.IsParsed));
        Assert.Equal("<div class=\"historicalCellContainer\"><b>!</b></div>", events[1].RawHtml);
        Assert.All(events, e => Assert.Equal(RevisionEventKind.Field, e.Kind));
    }

    [Fact]
    public void StatusAndAssigneeAreRecognisedByFieldIdAcrossARename()
    {
        var json = new RevisionEnvelopeJson()
            .Activity("actBefore", "2026-03-01T10:00:00Z", "usrA", StatusChange("Stage", "Todo", "Doing") + AssigneeChange("Owner", "Ada Lovelace", "Alan Turing"))
            .Activity("actAfter", "2026-03-02T10:00:00Z", "usrA", StatusChange("Status", "Doing", "Done") + AssigneeChange("Assignee", "Alan Turing", "Grace Hopper"))
            .Activity("actDecoy", "2026-03-03T10:00:00Z", "usrA", StatusChange("Status", "x", "y").Replace("fldStatus", "fldPaymentStatus", StringComparison.Ordinal))
            .Build();

        var events = _normalizer.Normalize(json, Context).Events;

        Assert.Equal(
            [("Stage", RevisionEventKind.Status), ("Owner", RevisionEventKind.Assignee), ("Status", RevisionEventKind.Status), ("Assignee", RevisionEventKind.Assignee), ("Status", RevisionEventKind.Field)],
            events.Select(e => (e.FieldName, e.Kind)));
        Assert.Equal(["Alan Turing"], events[1].NewValues);
    }

    [Fact]
    public void PairsWithEqualValuesAfterNormalisationAreDroppedButUnparsedOnesKept()
    {
        var reRender = Container("fldTags", "Tags", "multiSelect", "diff",
            ChoicePill("a", "blueLight1", struck: false, null) + ChoicePill("b", "blueLight1", struck: false, null));
        var blankToBlank = Container("fldNotes", "Notes", "text", "valueToNull", """<span class="strikethrough">&nbsp;</span>""");
        var unknown = Container("fldBtn", "Button", "button", "diff", "<div>same</div>");
        var json = new RevisionEnvelopeJson().Activity("actNoise", "2026-03-01T10:00:00Z", "usrA", reRender + blankToBlank + unknown + E1StatusSpans).Build();

        var events = _normalizer.Normalize(json, Context).Events;

        Assert.Equal(["fldBtn", "fldStatus"], events.Select(e => e.FieldId));
    }

    [Fact]
    public void EventsAreOrderedByTimeWhateverTheListOrder()
    {
        var json = new RevisionEnvelopeJson()
            .Activity("actLate", "2026-03-05T10:00:00Z", "usrA", E1StatusSpans)
            .Activity("actEarly", "2026-03-01T10:00:00Z", "usrA", E1StatusSpans)
            .Build();

        var events = _normalizer.Normalize(json, Context).Events;

        Assert.Equal(["actEarly", "actLate"], events.Select(e => e.ActivityId));
    }

    [Fact]
    public void NextOffsetIsPassedThroughAndNullOnTheLastPage()
    {
        var more = new RevisionEnvelopeJson { OffsetV2 = "cursor-2" }.Build();
        var last = new RevisionEnvelopeJson().Build();

        Assert.Equal("cursor-2", _normalizer.Normalize(more, Context).NextOffsetV2);
        Assert.Null(_normalizer.Normalize(last, Context).NextOffsetV2);
    }

    [Fact]
    public void SameFieldTwiceInOneActivityGetsDistinctKeys()
    {
        var json = new RevisionEnvelopeJson().Activity("actTwice", "2026-03-01T10:00:00Z", "usrA", E1StatusSpans + E1StatusSpans).Build();

        var events = _normalizer.Normalize(json, Context).Events;

        Assert.Equal(["fldStatus", "fldStatus#1"], events.Select(e => e.FieldId));
        Assert.All(events, e => Assert.Equal(RevisionEventKind.Status, e.Kind));
    }
}
