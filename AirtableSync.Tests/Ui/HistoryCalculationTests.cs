using AirtableSync.Web.Components.Pages.RecordDetails.History;
using AirtableSync.Web.Components.Shared;

namespace AirtableSync.Tests.Ui;

public class HistoryCalculationTests
{
    private static readonly DateTimeOffset T = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WordDiffMarksRemovedAndAddedWordsAndKeepsTheRest()
    {
        var diff = WordDiff.Compute("the quick brown fox", "the slow brown fox jumps");
        Assert.Equal(
            [new(DiffOperation.Unchanged, "the "), new(DiffOperation.Removed, "quick"), new(DiffOperation.Added, "slow"),
             new(DiffOperation.Unchanged, " brown fox"), new(DiffOperation.Added, " jumps")],
            diff);
    }

    [Fact]
    public void WordDiffOfEmptySidesIsAllAddedOrAllRemoved()
    {
        Assert.Equal([new DiffSegment(DiffOperation.Added, "new text")], WordDiff.Compute(null, "new text"));
        Assert.Equal([new DiffSegment(DiffOperation.Removed, "old")], WordDiff.Compute("old", ""));
        Assert.Empty(WordDiff.Compute("", ""));
    }

    [Fact]
    public void WordDiffOfVeryLongTextsFallsBackToWholeReplacement()
    {
        var before = string.Join(' ', Enumerable.Range(0, 2000));
        var diff = WordDiff.Compute(before, before + " end");
        Assert.Equal([DiffOperation.Removed, DiffOperation.Added], diff.Select(d => d.Operation));
    }

    [Fact]
    public void StatusDurationsRunFromEachChangeToTheNextAndTheLastUntilNow()
    {
        var events = new[]
        {
            Events.Status("act2", T.AddHours(5), "Doing", "Done"),
            Events.Status("act1", T.AddHours(2), "Todo", "Doing"),
            Events.Change("act3", T.AddHours(3), "fldNotes", "a", "b"),
        };
        var spans = StatusDurations.Compute(events, createdTime: T, now: T.AddHours(9));
        Assert.Equal(
            [new StatusSpan("Todo", T, T.AddHours(2), TimeSpan.FromHours(2)),
             new StatusSpan("Doing", T.AddHours(2), T.AddHours(5), TimeSpan.FromHours(3)),
             new StatusSpan("Done", T.AddHours(5), null, TimeSpan.FromHours(4))],
            spans);
    }

    [Fact]
    public void StatusTotalsAddUpReturnsToTheSameStatus()
    {
        var events = new[]
        {
            Events.Status("a", T, null, "Todo"),
            Events.Status("b", T.AddHours(1), "Todo", "Doing"),
            Events.Status("c", T.AddHours(3), "Doing", "Todo"),
        };
        var totals = StatusDurations.Totals(StatusDurations.Compute(events, null, T.AddHours(4)));
        Assert.Equal([("Doing", TimeSpan.FromHours(2)), ("Todo", TimeSpan.FromHours(2))], totals.OrderBy(t => t.Status));
    }

    [Fact]
    public void StatusDurationsIgnoreUnparsedEventsAndHaveNothingWithoutStatusChanges()
    {
        Assert.Empty(StatusDurations.Compute([Events.Change("a", T, "fldNotes", "x", "y")], T, T.AddDays(1)));
        Assert.Empty(StatusDurations.Compute([Events.Status("a", T, "x", "y") with { IsParsed = false }], T, T.AddDays(1)));
    }

    [Theory]
    [InlineData(10, "just now")]
    [InlineData(60, "1 minute ago")]
    [InlineData(60 * 5, "5 minutes ago")]
    [InlineData(60 * 60 * 3, "3 hours ago")]
    [InlineData(60 * 60 * 24 * 2, "2 days ago")]
    [InlineData(60 * 60 * 24 * 90, "3 months ago")]
    [InlineData(60 * 60 * 24 * 800, "2 years ago")]
    public void RelativeTimeReadsLikeSpeech(int secondsAgo, string expected) =>
        Assert.Equal(expected, RelativeTime.Describe(T, T.AddSeconds(secondsAgo)));

    [Fact]
    public void FilterKeepsOneFieldOnePersonOrStatusAndAssigneeAndSortsNewestFirst()
    {
        var events = new[]
        {
            Events.Status("a1", T.AddHours(1), "Todo", "Doing", actor: "Ann"),
            Events.Change("a2", T.AddHours(3), "fldNotes", "x", "y", actor: "Bob"),
            Events.Change("a3", T.AddHours(2), "fldOwner", "Ann", "Bob", RevisionEventKind.Assignee, "collaborator", actor: "Bob"),
        };
        Assert.Equal(["a2", "a3", "a1"], new RevisionFilter().Apply(events).Select(e => e.ActivityId));
        Assert.Equal(["a2"], new RevisionFilter(FieldId: "fldNotes").Apply(events).Select(e => e.ActivityId));
        Assert.Equal(["a2", "a3"], new RevisionFilter(Person: "Bob").Apply(events).Select(e => e.ActivityId));
        Assert.Equal(["a3", "a1"], new RevisionFilter(StatusAndAssigneeOnly: true).Apply(events).Select(e => e.ActivityId));
    }
}
