using AirtableSync.Revisions;
using static AirtableSync.Tests.Revisions.DiffFixtures;

namespace AirtableSync.Tests.Revisions;

public class TextAndScalarDiffParsingTests
{
    private readonly RevisionDiffParser _parser = new();

    private ParsedFieldChange Single(string html) => Assert.Single(_parser.Parse(html));

    [Fact]
    public void TextFixtureE2ReadsRemovedChunkAsOldAndAddedChunkAsNew()
    {
        var change = Single(Container("fldName", "Name", "text", "diff", E2TextChunks));

        Assert.True(change.IsParsed);
        Assert.Equal(["VK"], change.OldValues);
        Assert.Equal(["VK1"], change.NewValues);
    }

    [Fact]
    public void UnchangedChunksJoinBothSidesKeepingTheirOwnSpaces()
    {
        var html = Container("fldNotes", "Notes", "multilineText", "diff",
            """<div class="textDiff"><span class="pre-wrap unchangedPart">Fix the&nbsp;</span><span class="pre-wrap colors-background-negative colors-foreground-accent-negative strikethrough">login</span><span class="pre-wrap colors-background-success">signup</span><span class="pre-wrap unchangedPart">&nbsp;page now</span></div>""");

        var change = Single(html);

        Assert.Equal(["Fix the login page now"], change.OldValues);
        Assert.Equal(["Fix the signup page now"], change.NewValues);
    }

    [Fact]
    public void HandFormattedWordChunksAreSeparatedBySingleSpaces()
    {
        var html = Container("fldNotes", "Notes", "asyncText", "diff", """
            <div class="textDiff overflow-hidden">
              <span class="pre-wrap unchangedPart">Fix</span>
              <span class="pre-wrap unchangedPart">the</span>
              <span class="pre-wrap colors-background-negative strikethrough">login</span>
              <span class="pre-wrap colors-background-success">signup</span>
              <span class="pre-wrap unchangedPart">page</span>
            </div>
            """);

        var change = Single(html);

        Assert.Equal(["Fix the login page"], change.OldValues);
        Assert.Equal(["Fix the signup page"], change.NewValues);
    }

    [Fact]
    public void LineBreaksInsideLongTextChunksSurvive()
    {
        var html = Container("fldNotes", "Notes", "multilineText", "diff",
            "<div class=\"textDiff\"><span class=\"pre-wrap unchangedPart\">line one\n</span><span class=\"pre-wrap colors-background-success\">line two</span></div>");

        var change = Single(html);

        Assert.Equal(["line one"], change.OldValues);
        Assert.Equal(["line one\nline two"], change.NewValues);
    }

    [Fact]
    public void TextFixtureE5FilledFromEmptyReadsTheSuccessSpan()
    {
        var change = Single(Container("fldNotes", "Notes", "text", "nullToValue", E5FilledText));

        Assert.Equal(ChangeKind.NullToValue, change.ChangeKind);
        Assert.Null(change.OldValues);
        Assert.Equal(["Hello world"], change.NewValues);
    }

    [Fact]
    public void AllNbspTextIsAnEmptyValue()
    {
        var change = Single(Container("fldNotes", "Notes", "text", "valueToNull",
            """<span class="pre-wrap strikethrough colors-background-negative">&nbsp;&nbsp;&nbsp;</span>"""));

        Assert.True(change.IsParsed);
        Assert.Equal([], change.OldValues);
        Assert.Null(change.NewValues);
    }

    [Theory]
    [InlineData("number", "12", "15")]
    [InlineData("currency", "$1,200.00", "$1,350.50")]
    [InlineData("percent", "40%", "55%")]
    public void NumbersReadNegativeAsOldAndSuccessAsNewInEitherOrder(string type, string old, string @new)
    {
        var oldSpan = $"""<span class="strikethrough colors-background-negative">{old}</span>""";
        var newSpan = $"""<span class="colors-background-success">{@new}</span>""";

        foreach (var html in new[] { oldSpan + newSpan, newSpan + oldSpan })
        {
            var change = Single(Container("fldN", "Amount", type, "diff", html));
            Assert.Equal([old], change.OldValues);
            Assert.Equal([@new], change.NewValues);
        }
    }

    [Fact]
    public void NumberWithNbspGroupSeparatorReadsWithSpace()
    {
        var change = Single(Container("fldN", "Budget", "currency", "nullToValue", "<span>€1&nbsp;200,00</span>"));

        Assert.Equal(["€1 200,00"], change.NewValues);
    }

    [Fact]
    public void DateFromEmptyDropsTheTimeZoneLabel()
    {
        var change = Single(Container("fldDue", "Due&nbsp;date", "date", "nullToValue",
            """<div class="flex"><div class="truncate">3/1/2026</div><div class="caps colors-foreground-subtle">UTC</div></div>"""));

        Assert.Equal("Due date", change.FieldName);
        Assert.Null(change.OldValues);
        Assert.Equal(["3/1/2026"], change.NewValues);
    }

    [Fact]
    public void DateTimeDiffReadsBothSides()
    {
        var change = Single(Container("fldDue", "Due", "dateTime", "diff", """
            <span class="strikethrough colors-background-negative"><div class="truncate">3/1/2026 9:00am</div><div class="caps colors-foreground-subtle">UTC</div></span>
            <span class="colors-background-success"><div class="truncate">3/2/2026 10:30am</div><div class="caps colors-foreground-subtle">UTC</div></span>
            """));

        Assert.Equal(["3/1/2026 9:00am"], change.OldValues);
        Assert.Equal(["3/2/2026 10:30am"], change.NewValues);
    }

    [Fact]
    public void CheckboxTickedAndUntickedReadAsCheckedOnTheKindsSide()
    {
        var ticked = Single(Container("fldDone", "Done", "checkbox", "nullToValue", """<div class="greenLight2"><svg><use href="#Check"></use></svg></div>"""));
        var unticked = Single(Container("fldDone", "Done", "checkbox", "valueToNull", """<div class="redLight2"><svg><use href="#Check"></use></svg></div>"""));

        Assert.Null(ticked.OldValues);
        Assert.Equal(["checked"], ticked.NewValues);
        Assert.Equal(["checked"], unticked.OldValues);
        Assert.Null(unticked.NewValues);
    }

    [Fact]
    public void RatingCountsVisibleIconsPerContainer()
    {
        var html = Container("fldPriority", "Priority", "rating", "diff", """
            <div class="ratingContainer colors-background-success"><svg></svg><svg></svg><svg></svg><svg class="invisible"></svg><svg class="invisible"></svg></div>
            <div class="ratingContainer colors-background-negative"><svg></svg><svg class="invisible"></svg><svg class="invisible"></svg><svg class="invisible"></svg><svg class="invisible"></svg></div>
            """);

        var change = Single(html);

        Assert.Equal(["1"], change.OldValues);
        Assert.Equal(["3"], change.NewValues);
    }
}
