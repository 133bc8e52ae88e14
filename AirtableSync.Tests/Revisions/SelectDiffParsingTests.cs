using AirtableSync.Revisions;
using static AirtableSync.Tests.Revisions.DiffFixtures;

namespace AirtableSync.Tests.Revisions;

public class SelectDiffParsingTests
{
    private readonly RevisionDiffParser _parser = new();

    private ParsedFieldChange Single(string html) => Assert.Single(_parser.Parse(html));

    [Fact]
    public void SpanDialectFixtureE1ReadsStruckChoiceAsOldAndSuccessChoiceAsNew()
    {
        var change = Single(E1StatusSpans);

        Assert.True(change.IsParsed);
        Assert.Equal("fldStatus", change.FieldId);
        Assert.Equal("Status", change.FieldName);
        Assert.Equal("select", change.ColumnType);
        Assert.Equal(ChangeKind.Diff, change.ChangeKind);
        Assert.Equal(["In Progress"], change.OldValues);
        Assert.Equal(["On Hold"], change.NewValues);
    }

    [Fact]
    public void SpanDialectWithOldChoiceFirstIsReadTheSameWay()
    {
        var html = Container("fldStatus", "Status", "select", "diff", """
            <span class="strikethrough colors-background-negative" title="In Progress">In Progress</span>
            <span class="colors-background-success" title="On Hold">On Hold</span>
            """);

        var change = Single(html);

        Assert.Equal(["In Progress"], change.OldValues);
        Assert.Equal(["On Hold"], change.NewValues);
    }

    [Fact]
    public void StyledSpansFixtureE4TrustLineThroughNotChoiceColours()
    {
        var usual = Single(Container("fldStatus", "Status", "select", "diff", E4SelectStyled(newColor: "greenLight1", oldColor: "redLight1")));
        var swapped = Single(Container("fldStatus", "Status", "select", "diff", E4SelectStyled(newColor: "redLight1", oldColor: "greenLight1")));

        foreach (var change in new[] { usual, swapped })
        {
            Assert.True(change.IsParsed);
            Assert.Equal(["Pending Review"], change.OldValues);
            Assert.Equal(["On Hold"], change.NewValues);
        }
    }

    [Theory]
    [InlineData("href")]
    [InlineData("xlink:href")]
    public void ChoiceTokensUseMinusAndPlusBadgesInEitherHrefAttribute(string hrefAttribute)
    {
        var html = Container("fldStatus", "Status", "select", "diff",
            ChoicePill("Done", "greenLight1", struck: false, "Plus", hrefAttribute)
            + ChoicePill("In review", "redLight1", struck: false, "Minus", hrefAttribute));

        var change = Single(html);

        Assert.Equal(["In review"], change.OldValues);
        Assert.Equal(["Done"], change.NewValues);
    }

    [Fact]
    public void ChoiceTokenOrderReversedAndColoursSwappedStillReadByStrikeThrough()
    {
        var oldFirst = Container("fldStatus", "Status", "select", "diff",
            ChoicePill("Todo", "greenLight1", struck: true, "Minus") + ChoicePill("In progress", "redLight1", struck: false, null));
        var newFirst = Container("fldStatus", "Status", "select", "diff",
            ChoicePill("In progress", "redLight1", struck: false, null) + ChoicePill("Todo", "greenLight1", struck: true, null));

        foreach (var change in new[] { Single(oldFirst), Single(newFirst) })
        {
            Assert.Equal(["Todo"], change.OldValues);
            Assert.Equal(["In progress"], change.NewValues);
        }
    }

    [Fact]
    public void MultiSelectUnchangedTokensBelongToBothSides()
    {
        var html = Container("fldTags", "Tags", "multiSelect", "diff",
            ChoicePill("customer", "greenLight1", struck: false, "Plus")
            + ChoicePill("backend", "blueLight1", struck: false, null)
            + ChoicePill("urgent", "greenLight1", struck: true, "Minus")
            + ChoicePill("tech debt", "purpleLight1", struck: false, null));

        var change = Single(html);

        Assert.Equal(["backend", "urgent", "tech debt"], change.OldValues);
        Assert.Equal(["customer", "backend", "tech debt"], change.NewValues);
    }

    [Fact]
    public void MultiSelectInSpanDialectReadsSuccessNegativeAndPlainSpans()
    {
        var html = Container("fldTags", "Tags", "multiSelect", "diff", """
            <span class="rounded" title="backend">backend</span>
            <span class="colors-background-success rounded" style="background: var(--palette-redLight1)" title="frontend">frontend</span>
            <span class="strikethrough colors-background-negative" style="background: var(--palette-greenLight1)" title="urgent">urgent</span>
            """);

        var change = Single(html);

        Assert.Equal(["backend", "urgent"], change.OldValues);
        Assert.Equal(["backend", "frontend"], change.NewValues);
    }

    [Fact]
    public void BadgeOfOneTokenDoesNotMarkItsNeighbour()
    {
        // Both pills share a parent; only the second pill's wrapper holds the Minus badge.
        var html = Container("fldTags", "Tags", "multiSelect", "diff",
            ChoicePill("kept", "blueLight1", struck: false, null) + ChoicePill("gone", "blueLight1", struck: false, "Minus"));

        var change = Single(html);

        Assert.Equal(["kept", "gone"], change.OldValues);
        Assert.Equal(["kept"], change.NewValues);
    }

    [Fact]
    public void SelectFromEmptyHasNoOldSideAndSelectClearedHasNoNewSide()
    {
        var filled = Single(Container("fldStatus", "Status", "select", "nullToValue", ChoicePill("Todo", "redLight1", struck: false, null)));
        var cleared = Single(Container("fldStatus", "Status", "select", "valueToNull", ChoicePill("Done", "greenLight1", struck: true, "Minus")));

        Assert.Equal(ChangeKind.NullToValue, filled.ChangeKind);
        Assert.Null(filled.OldValues);
        Assert.Equal(["Todo"], filled.NewValues);
        Assert.Equal(ChangeKind.ValueToNull, cleared.ChangeKind);
        Assert.Equal(["Done"], cleared.OldValues);
        Assert.Null(cleared.NewValues);
    }

    [Fact]
    public void ChoiceNameWithNbspsIsReadWithSpaces()
    {
        var html = Container("fldStatus", "Status", "select", "diff", """
            <div class="choiceToken" style="text-decoration: line-through"><div class="truncate-pre">In&nbsp;progress</div></div>
            <div class="choiceToken"><div class="truncate-pre">On&nbsp;&nbsp;hold&nbsp;</div></div>
            """);

        var change = Single(html);

        Assert.Equal(["In progress"], change.OldValues);
        Assert.Equal(["On hold"], change.NewValues);
    }

    [Fact]
    public void ColumnTypeFallsBackToColumnTypeIfUnchanged()
    {
        var html = """
            <div class="historicalCellContainer">
              <div class="micro strong caps" columnId="fldStatus">Status</div>
              <div class="historicalCellValueContainer" columntypeifunchanged="select">
                <div class="historicalCellValue diff">
                  <span class="colors-background-success" title="Done">Done</span>
                  <span class="strikethrough" title="Todo">Todo</span>
                </div>
              </div>
            </div>
            """;

        var change = Single(html);

        Assert.Equal("select", change.ColumnType);
        Assert.Equal(["Todo"], change.OldValues);
        Assert.Equal(["Done"], change.NewValues);
    }
}
