using AirtableSync.Analytics;
using AirtableSync.Tests.Storage;

namespace AirtableSync.Tests.Analytics;

/// <summary>Assignments and stuck records by hand; T is Monday 2026-03-02 09:00 UTC.</summary>
public sealed class PeopleAndStuckTests(TemporaryDirectory directory) : IClassFixture<TemporaryDirectory>
{
    private static readonly DateTimeOffset T = AnalyticsTable.T;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachOfSeveralCollaboratorsHeldTheRecordForTheirOwnStretch()
    {
        await using var table = await AnalyticsTable.CreateAsync(directory.Path, T.AddDays(1));
        table.Record("rec1", T, "Todo", ["Bob"]);
        await table.SaveAsync(
            table.AssigneeChange("rec1", T.AddHours(1), null, ["Ada", "Bob"]), table.AssigneeChange("rec1", T.AddHours(3), ["Ada", "Bob"], ["Bob"]),
            table.StatusChange("rec1", T.AddHours(2), "Todo", "Doing"), table.StatusChange("rec1", T.AddHours(4), "Doing", "Todo"));

        var report = await table.Analytics.GetAssignmentsAsync(AnalyticsTable.TableId, new AnalyticsPeriod(T, T.AddHours(5)), AssignmentPeriodUnit.Day, Ct);

        // Nobody until 10:00; Ada 10:00–12:00 (Todo 1 h, Doing 1 h); Bob 10:00–14:00 (Todo 1 h, Doing 2 h, Todo again 1 h).
        Assert.Equal(
            [
                new AssignmentRow("Ada", "rec1", new StatusRef("selDoing", "Doing"), 3600), new AssignmentRow("Ada", "rec1", new StatusRef("selTodo", "Todo"), 3600),
                new AssignmentRow("Bob", "rec1", new StatusRef("selDoing", "Doing"), 7200), new AssignmentRow("Bob", "rec1", new StatusRef("selTodo", "Todo"), 7200),
            ],
            report!.Rows);
        Assert.Equal(AnalyticsTable.Assignee, report.AssigneeFieldId);
        Assert.Equal(4, report.Periods.Count);
        Assert.All(report.Periods, p => Assert.Equal((new DateOnly(2026, 3, 2), 1), (p.PeriodStart, p.Records)));
    }

    [Fact]
    public async Task PeriodsSplitAtLocalMidnightsAcrossTheDaylightSavingChange()
    {
        // As in FlowTests: Doing at 00:30 Paris on the 29th, Done at 00:30 Paris on the 30th; Ada holds it throughout.
        static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);
        await using var table = await AnalyticsTable.CreateAsync(directory.Path, new DateTimeOffset(2026, 4, 10, 0, 0, 0, TimeSpan.Zero));
        table.Record("rec1", Utc(27, 12), "Done", ["Ada"]);
        await table.SaveAsync(table.StatusChange("rec1", Utc(28, 23, 30), "Todo", "Doing"), table.StatusChange("rec1", Utc(29, 22, 30), "Doing", "Done"));
        var paris = new AnalyticsPeriod(Utc(27, 23), Utc(30, 22), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

        var days = await table.Analytics.GetAssignmentsAsync(AnalyticsTable.TableId, paris, AssignmentPeriodUnit.Day, Ct);
        var weeks = await table.Analytics.GetAssignmentsAsync(AnalyticsTable.TableId, paris, AssignmentPeriodUnit.Week, Ct);

        // 28th: 24 h of Todo. 29th (23 h): Todo 30 min, Doing 22 h 30. 30th: Doing 30 min, Done 23 h 30.
        Assert.Equal(
            [
                (new DateOnly(2026, 3, 28), "Todo", 86_400.0), (new DateOnly(2026, 3, 29), "Doing", 81_000), (new DateOnly(2026, 3, 29), "Todo", 1800),
                (new DateOnly(2026, 3, 30), "Doing", 1800), (new DateOnly(2026, 3, 30), "Done", 84_600),
            ],
            days!.Periods.Select(p => (p.PeriodStart, p.Status.Name, p.Seconds)));
        Assert.Equal([("Doing", 82_800.0), ("Done", 84_600), ("Todo", 88_200)], days.Rows.Select(r => (r.Status.Name, r.Seconds)));
        // Weeks begin on Monday: the 28th and 29th are in the week of the 23rd, the 30th begins the next one.
        Assert.Equal(
            [(new DateOnly(2026, 3, 23), "Doing", 81_000.0), (new DateOnly(2026, 3, 23), "Todo", 88_200), (new DateOnly(2026, 3, 30), "Doing", 1800), (new DateOnly(2026, 3, 30), "Done", 84_600)],
            weeks!.Periods.Select(p => (p.PeriodStart, p.Status.Name, p.Seconds)));
    }

    [Fact]
    public async Task ARecordIsStuckWhenItsCurrentVisitIsLongerThanTheStatussP90()
    {
        var now = T.AddDays(10);
        await using var table = await AnalyticsTable.CreateAsync(directory.Path, now);
        var changes = new List<RevisionEvent>();
        for (var i = 1; i <= 9; i++)
        {
            table.Record($"rec{i}", T, "Done");
            changes.Add(table.StatusChange($"rec{i}", T.AddHours(1), "Todo", "Done"));
        }
        table.Record("recStuck", T, "Todo");
        await table.SaveAsync([.. changes]);

        var report = await table.Analytics.GetStuckAsync(AnalyticsTable.TableId, 10, Ct);

        // Todo visits: nine of 1 h and one of 10 days; the 90th percentile by nearest rank is the 9th: 1 h.
        // Done: nine ongoing visits of 9 days 23 h, none longer than their own p90.
        Assert.Equal(1, report!.Total);
        Assert.Equal([new StuckRecord("recStuck", new StatusRef("selTodo", "Todo"), T, 864_000, 3600)], report.Records);
    }
}
