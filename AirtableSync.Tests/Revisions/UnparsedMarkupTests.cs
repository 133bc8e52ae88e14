using AirtableSync.Revisions;
using static AirtableSync.Tests.Revisions.DiffFixtures;

namespace AirtableSync.Tests.Revisions;

public class UnparsedMarkupTests
{
    private readonly RevisionDiffParser _parser = new();

    [Fact]
    public void EveryContainerOfAMultiFieldActivityIsReturnedInOrder()
    {
        var html = E1StatusSpans
            + Container("fldAssignee", "Assignee", "collaborator", "diff", Pill("Grace Hopper", struck: true) + Pill("Ada Lovelace", struck: false))
            + Container("fldNotes", "Notes", "text", "diff", E2TextChunks);

        var changes = _parser.Parse(html);

        Assert.Equal(["fldStatus", "fldAssignee", "fldNotes"], changes.Select(c => c.FieldId));
        Assert.Equal([0, 1, 2], changes.Select(c => c.Index));
        Assert.All(changes, c => Assert.True(c.IsParsed));
        Assert.Equal(["Ada Lovelace"], changes[1].NewValues);
        Assert.Equal(["VK1"], changes[2].NewValues);
    }

    [Fact]
    public void EachChangeCarriesItsOwnContainersOuterHtml()
    {
        var second = Container("fldNotes", "Notes", "text", "diff", E2TextChunks);

        var changes = _parser.Parse(E1StatusSpans + second);

        Assert.StartsWith("<div class=\"historicalCellContainer\">", changes[0].RawHtml, StringComparison.Ordinal);
        Assert.Contains("On Hold", changes[0].RawHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("VK1", changes[0].RawHtml, StringComparison.Ordinal);
        Assert.Contains("VK1", changes[1].RawHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("On Hold", changes[1].RawHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<<<definitely not html & >>>")]
    [InlineData("<div class=\"somethingElse\"><span>Status</span></div>")]
    [InlineData("{\"json\":\"instead of html\"}")]
    public void FragmentWithoutContainersIsKeptAsOneUnparsedChangeWithItsHtml(string html)
    {
        var change = Assert.Single(_parser.Parse(html));

        Assert.False(change.IsParsed);
        Assert.Equal(html, change.RawHtml);
        Assert.Null(change.FieldId);
        Assert.Equal(ChangeKind.Unknown, change.ChangeKind);
    }

    [Fact]
    public void NullFragmentIsKeptAsUnparsedRatherThanThrowing()
    {
        var change = Assert.Single(_parser.Parse(null));

        Assert.False(change.IsParsed);
        Assert.Equal("", change.RawHtml);
    }

    [Fact]
    public void UnknownColumnTypeWithPlainTextIsUnparsedButKeepsIdNameAndHtml()
    {
        var change = Assert.Single(_parser.Parse(Container("fldButton", "Open&nbsp;URL", "button", "diff", "<div>Click me</div>")));

        Assert.False(change.IsParsed);
        Assert.Equal("fldButton", change.FieldId);
        Assert.Equal("Open URL", change.FieldName);
        Assert.Equal("button", change.ColumnType);
        Assert.Contains("Click me", change.RawHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownColumnTypeWithRecognisableTokensIsStillRead()
    {
        var html = Container("fldFuture", "Future field", "someNewType", "diff",
            ChoicePill("a", "blueLight1", struck: true, "Minus") + ChoicePill("b", "blueLight1", struck: false, "Plus"));

        var change = Assert.Single(_parser.Parse(html));

        Assert.True(change.IsParsed);
        Assert.Equal(["a"], change.OldValues);
        Assert.Equal(["b"], change.NewValues);
    }

    [Fact]
    public void ContainerWithoutHeaderIsUnparsedEvenWhenValuesCanBeRead()
    {
        var html = """
            <div class="historicalCellContainer">
              <div class="historicalCellValue diff" data-columntype="text"><div class="textDiff"><span class="pre-wrap colors-background-success">x</span></div></div>
            </div>
            """;

        var change = Assert.Single(_parser.Parse(html));

        Assert.False(change.IsParsed);
        Assert.Null(change.FieldId);
        Assert.Equal(["x"], change.NewValues);
    }

    [Fact]
    public void ContainerWithoutValueDivIsUnparsedAndOthersAreUnaffected()
    {
        var broken = """<div class="historicalCellContainer"><div class="micro strong caps" columnId="fldX">X</div><p>??</p></div>""";

        var changes = _parser.Parse(broken + E1StatusSpans);

        Assert.Equal(2, changes.Count);
        Assert.False(changes[0].IsParsed);
        Assert.Equal("fldX", changes[0].FieldId);
        Assert.Equal(ChangeKind.Unknown, changes[0].ChangeKind);
        Assert.True(changes[1].IsParsed);
        Assert.Equal(["On Hold"], changes[1].NewValues);
    }

    [Fact]
    public void ValueWithoutKindClassIsUnparsed()
    {
        var html = Container("fldStatus", "Status", "select", "valueToValue", """<span class="colors-background-success" title="A">A</span>""");

        var change = Assert.Single(_parser.Parse(html));

        Assert.False(change.IsParsed);
        Assert.Equal(ChangeKind.Unknown, change.ChangeKind);
    }

    [Fact]
    public void SelectDiffWithoutAnyTokenIsUnparsed()
    {
        var change = Assert.Single(_parser.Parse(Container("fldStatus", "Status", "select", "diff", "<div></div>")));

        Assert.False(change.IsParsed);
        Assert.Equal("fldStatus", change.FieldId);
    }

    [Fact]
    public void NumberDiffWithoutMarkersIsUnparsed()
    {
        var change = Assert.Single(_parser.Parse(Container("fldN", "N", "number", "diff", "<span>1</span><span>2</span>")));

        Assert.False(change.IsParsed);
    }

    [Fact]
    public void UnclosedTagsAreToleratedLikeABrowserWould()
    {
        var truncated = E1StatusSpans[..E1StatusSpans.IndexOf("</span>", StringComparison.Ordinal)];

        var change = Assert.Single(_parser.Parse(truncated));

        Assert.Equal("fldStatus", change.FieldId);
        Assert.Equal(["On Hold"], change.NewValues);
    }

    [Fact]
    public void HeaderIconsExtraClassesAndNbspsAreStrippedFromTheFieldName()
    {
        var html = """
            <div class="historicalCellContainer">
              <div class="micro strong caps quiet mb-half flex" COLUMNID="fldDue"><svg aria-hidden="true"><use href="#Calendar"></use></svg>&nbsp;Due&nbsp;&nbsp;date&nbsp;</div>
              <div class="historicalCellValue nullToValue" data-columntype="date"><div class="truncate">1/2/2026</div></div>
            </div>
            """;

        var change = Assert.Single(_parser.Parse(html));

        Assert.True(change.IsParsed);
        Assert.Equal("fldDue", change.FieldId);
        Assert.Equal("Due date", change.FieldName);
        Assert.Equal(["1/2/2026"], change.NewValues);
    }

    [Fact]
    public void CollaboratorCellWithoutPillsOrNamesIsUnparsed()
    {
        var change = Assert.Single(_parser.Parse(Container("fldAssignee", "Assignee", "collaborator", "diff", "<img src=\"avatar.png\">")));

        Assert.False(change.IsParsed);
        Assert.Equal("collaborator", change.ColumnType);
    }

    [Fact]
    public void OneParserInstanceGivesTheSameResultsWhenUsedConcurrently()
    {
        var fragments = Enumerable.Range(0, 64).Select(i => i % 2 == 0
            ? E1StatusSpans
            : Container("fldAssignee", "Assignee", "collaborator", "diff", Pill($"Person {i}", struck: true) + Pill("Ada Lovelace", struck: false))).ToList();
        var expected = fragments.Select(f => _parser.Parse(f).Single()).ToList();

        var actual = new ParsedFieldChange[fragments.Count];
        Parallel.For(0, fragments.Count, i => actual[i] = _parser.Parse(fragments[i]).Single());

        for (var i = 0; i < fragments.Count; i++)
        {
            Assert.Equal(expected[i].OldValues, actual[i].OldValues);
            Assert.Equal(expected[i].NewValues, actual[i].NewValues);
        }
    }
}
