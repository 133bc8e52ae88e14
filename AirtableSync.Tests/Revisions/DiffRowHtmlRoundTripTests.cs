using AirtableSync.Revisions;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.Revisions;

namespace AirtableSync.Tests.Revisions;

/// <summary>Generate with the fake's builder, parse, and get the same values back — for every type and markup variation.</summary>
public class DiffRowHtmlRoundTripTests
{
    private readonly RevisionDiffParser _parser = new();

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in SampleChanges.Keys)
        {
            for (var style = 0; style < Styles.Length; style++)
            {
                data.Add(name, style);
            }
        }

        return data;
    }

    private static readonly DiffMarkupStyle[] Styles =
    [
        new(SelectMarkup.ChoiceTokens),
        new(SelectMarkup.ChoiceTokens, NewBeforeOld: true, SwapChoiceColors: true, XlinkHref: true),
        new(SelectMarkup.Spans),
        new(SelectMarkup.Spans, NewBeforeOld: true, SwapChoiceColors: true),
    ];

    private static readonly Dictionary<string, FakeFieldChange> SampleChanges = new()
    {
        ["select diff"] = new("fldS", "Status", "select", ChangeKind.Diff, ["In progress"], ["Done"]),
        ["select filled"] = new("fldS", "Status", "select", ChangeKind.NullToValue, null, ["Todo"]),
        ["select cleared"] = new("fldS", "Status", "select", ChangeKind.ValueToNull, ["On hold"], null),
        ["multi select diff"] = new("fldT", "Tags", "multiSelect", ChangeKind.Diff, ["backend", "urgent", "tech debt"], ["urgent", "tech debt", "customer", "frontend"]),
        ["multi select filled"] = new("fldT", "Tags", "multiSelect", ChangeKind.NullToValue, null, ["backend", "frontend"]),
        ["multi select cleared"] = new("fldT", "Tags", "multiSelect", ChangeKind.ValueToNull, ["backend", "frontend"], null),
        ["collaborator diff"] = new("fldA", "Assignee", "collaborator", ChangeKind.Diff, ["Grace Hopper"], ["Ada Lovelace"]),
        ["collaborator filled"] = new("fldA", "Assignee", "collaborator", ChangeKind.NullToValue, null, ["Katherine Johnson"]),
        ["collaborator cleared"] = new("fldA", "Assignee", "collaborator", ChangeKind.ValueToNull, ["Alan Turing"], null),
        ["collaborators diff"] = new("fldR", "Reviewers", "multipleCollaborators", ChangeKind.Diff, ["Ada Lovelace", "Alan Turing"], ["Alan Turing", "Katherine Johnson"]),
        ["linked diff"] = new("fldL", "Related tickets", "foreignKey", ChangeKind.Diff, ["Acme Corp", "Globex"], ["Globex", "Initech & Sons"]),
        ["linked filled"] = new("fldL", "Related tickets", "foreignKey", ChangeKind.NullToValue, null, ["Acme Corp"]),
        ["attachments diff"] = new("fldF", "Files", "multipleAttachment", ChangeKind.Diff, ["screenshot.png", "old.har"], ["screenshot.png", "spec v2.pdf"]),
        ["attachments cleared"] = new("fldF", "Files", "multipleAttachment", ChangeKind.ValueToNull, ["screenshot.png"], null),
        ["text diff"] = new("fldX", "Title", "text", ChangeKind.Diff, ["The quick brown fox"], ["The slow brown fox jumps"]),
        ["long text diff"] = new("fldN", "Notes", "multilineText", ChangeKind.Diff, ["line one\nline two <b>"], ["line one\nline 2 <b>\nline three"]),
        ["ai text filled"] = new("fldAi", "Summary", "asyncText", ChangeKind.NullToValue, null, ["Generated summary of the ticket"]),
        ["text cleared"] = new("fldX", "Title", "text", ChangeKind.ValueToNull, ["Gone soon"], null),
        ["number diff"] = new("fldE", "Estimate (days)", "number", ChangeKind.Diff, ["12"], ["15.5"]),
        ["currency filled"] = new("fldC", "Budget", "currency", ChangeKind.NullToValue, null, ["$1,200.00"]),
        ["percent cleared"] = new("fldP", "Done %", "percent", ChangeKind.ValueToNull, ["40%"], null),
        ["date diff"] = new("fldD", "Due date", "date", ChangeKind.Diff, ["3/1/2026"], ["4/15/2026"]),
        ["date time filled"] = new("fldD", "Due", "dateTime", ChangeKind.NullToValue, null, ["3/1/2026 9:00am"]),
        ["checkbox ticked"] = new("fldK", "Done?", "checkbox", ChangeKind.NullToValue, null, ["checked"]),
        ["checkbox unticked"] = new("fldK", "Done?", "checkbox", ChangeKind.ValueToNull, ["checked"], null),
        ["rating diff"] = new("fldR", "Priority", "rating", ChangeKind.Diff, ["2"], ["4"]),
        ["rating filled"] = new("fldR", "Priority", "rating", ChangeKind.NullToValue, null, ["3"]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GeneratedMarkupParsesBackToTheSameChange(string name, int styleIndex)
    {
        var expected = SampleChanges[name];
        var html = new DiffRowHtmlBuilder(Styles[styleIndex]).Build([expected]);

        var change = Assert.Single(_parser.Parse(html));

        Assert.True(change.IsParsed, html);
        Assert.Equal(expected.FieldId, change.FieldId);
        Assert.Equal(expected.FieldName, change.FieldName);
        Assert.Equal(expected.ColumnType, change.ColumnType);
        Assert.Equal(expected.Kind, change.ChangeKind);
        AssertSameValues(expected.OldValues, change.OldValues);
        AssertSameValues(expected.NewValues, change.NewValues);
    }

    [Fact]
    public void GeneratedMultiFieldActivityParsesEveryField()
    {
        var changes = SampleChanges.Values.Where(c => c.FieldId is "fldS" or "fldA" or "fldN" or "fldK").Take(4).ToList();
        var html = new DiffRowHtmlBuilder().Build(changes);

        var parsed = _parser.Parse(html);

        Assert.Equal(changes.Select(c => c.FieldId), parsed.Select(p => p.FieldId));
        Assert.All(parsed, p => Assert.True(p.IsParsed));
    }

    [Fact]
    public void GeneratedMarkupReallyContainsNbspsInitialsAndBadges()
    {
        var html = new DiffRowHtmlBuilder(new(XlinkHref: true)).Build(
        [
            SampleChanges["collaborators diff"],
            SampleChanges["multi select diff"],
        ]);

        Assert.Contains("&nbsp;", html, StringComparison.Ordinal);
        Assert.Contains(">AL<", html, StringComparison.Ordinal);
        Assert.Contains("xlink:href=\"#Minus\"", html, StringComparison.Ordinal);
        Assert.Contains("xlink:href=\"#Plus\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryActivityOfGeneratedHistoriesParsesBackToItsChanges()
    {
        var builder = new RevisionHistoryBuilder(new FakeUserDirectory().Collaborators);
        var checkedActivities = 0;
        foreach (var recordId in new[] { "recAAAAAAAAAAAAA1", "recBBBBBBBBBBBBB2", "recCCCCCCCCCCCCC3", "recDDDDDDDDDDDDD4" })
        {
            foreach (var activity in builder.Build(recordId, new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), changeCount: 30).OfType<FakeRowActivity>())
            {
                if (activity.DiffRowHtml is null)
                {
                    continue;
                }

                var parsed = _parser.Parse(activity.DiffRowHtml);
                Assert.Equal(activity.Changes.Count, parsed.Count);
                foreach (var (expected, actual) in activity.Changes.Zip(parsed))
                {
                    Assert.True(actual.IsParsed, actual.RawHtml);
                    Assert.Equal(expected.FieldId, actual.FieldId);
                    Assert.Equal(expected.FieldName, actual.FieldName);
                    Assert.Equal(expected.Kind, actual.ChangeKind);
                    AssertSameValues(expected.OldValues, actual.OldValues);
                    AssertSameValues(expected.NewValues, actual.NewValues);
                }

                checkedActivities++;
            }
        }

        Assert.True(checkedActivities > 80, $"only {checkedActivities} activities checked");
    }

    private static void AssertSameValues(IReadOnlyList<string>? expected, IReadOnlyList<string>? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }
}
