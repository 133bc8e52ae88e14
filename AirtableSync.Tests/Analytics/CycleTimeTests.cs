using AirtableSync.Analytics;
using AirtableSync.Tests.Storage;

namespace AirtableSync.Tests.Analytics;

/// <summary>Cycle times by hand; T is Monday 2026-03-02 09:00 UTC, now is T + 10 days.</summary>
public sealed class CycleTimeTests(TemporaryDirectory directory) : IClassFixture<TemporaryDirectory>
{
    private static readonly DateTimeOffset T = AnalyticsTable.T;
    private static readonly DateTimeOffset Now = T.AddDays(10);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACycleRunsFromTheFirstEntryToTheNextEntryIntoTheEndStatus()
    {
        await using var table = await AnalyticsTable.CreateAsync(directory.Path, Now);
        table.Record("rec1", T, "Done");
        table.Record("rec2", T, "Doing");
        await table.SaveAsync(
            table.StatusChange("rec1", T.AddHours(1), "Todo", "Doing"), table.StatusChange("rec1", T.AddHours(3), "Doing", "Todo"),
            table.StatusChange("rec1", T.AddHours(6), "Todo", "Done"),
            table.StatusChange("rec2", T.AddHours(2), "Todo", "Doing"));

        var fromCreation = await table.Analytics.GetCycleTimeAsync(AnalyticsTable.TableId, "Todo", "Done", new AnalyticsPeriod(T, Now), Ct);
        var fromDoing = await table.Analytics.GetCycleTimeAsync(AnalyticsTable.TableId, "selDoing", "selDone", new AnalyticsPeriod(T, Now), Ct);

        // rec1 is created in Todo at 09:00 and done at 15:00; going back to Todo in between stays in the one cycle. rec2 never completes.
        Assert.Equal([new RecordCycle("rec1", T, T.AddHours(6), 21_600)], fromCreation!.Cycles);
        Assert.Equal(new DurationSummary(1, 21_600, 21_600, 21_600, 21_600), fromCreation.CycleTime);
        Assert.Equal(1, Assert.Single(fromCreation.Histogram, b => b.Label == "4 h–1 d").Count);
        Assert.Equal(1, fromCreation.Histogram.Sum(b => b.Count));
        Assert.Equal([new CycleWeek(2026, 10, new DateOnly(2026, 3, 2), 1, 21_600)], fromCreation.Weeks);
        Assert.Equal(new StatusRef("selDoing", "Doing"), fromDoing!.FromStatus);
        Assert.Equal([18_000.0], fromDoing.Cycles.Select(c => c.Seconds));
    }

    [Fact]
    public async Task OnlyCyclesCompletedInThePeriodCountAndTheMedianIsANearestRank()
    {
        await using var table = await AnalyticsTable.CreateAsync(directory.Path, Now);
        for (var i = 1; i <= 3; i++)
        {
            table.Record($"rec{i}", T, "Done");
        }
        await table.SaveAsync(
            table.StatusChange("rec1", T.AddHours(1), "Todo", "Done"), table.StatusChange("rec2", T.AddHours(2), "Todo", "Done"),
            table.StatusChange("rec3", T.AddDays(8), "Todo", "Done"));

        var report = await table.Analytics.GetCycleTimeAsync(AnalyticsTable.TableId, "todo", "Done", new AnalyticsPeriod(T, T.AddDays(7)), Ct);

        Assert.Equal(new DurationSummary(2, 3600, 7200, 7200, 7200), report!.CycleTime);
        Assert.Equal(["rec1", "rec2"], report.Cycles.Select(c => c.RecordId));
    }

    [Fact]
    public async Task ARenamedStartStatusIsFollowedThroughItsOldName()
    {
        await using var table = await AnalyticsTable.CreateAsync(directory.Path, Now, "selTodo:Todo", "selDoing:In progress", "selDone:Done");
        table.Record("rec1", T, "In progress");
        table.Record("rec2", T, "Done");
        await table.SaveAsync(
            table.StatusChange("rec1", T.AddHours(1), "Todo", "Doing"),
            table.StatusChange("rec2", T.AddHours(1), "Todo", "Doing"), table.StatusChange("rec2", T.AddHours(4), "Doing", "Done"));

        var report = await table.Analytics.GetCycleTimeAsync(AnalyticsTable.TableId, "In progress", "Done", new AnalyticsPeriod(T, Now), Ct);

        Assert.Equal([new RecordCycle("rec2", T.AddHours(1), T.AddHours(4), 10_800)], report!.Cycles);
    }

    [Fact]
    public async Task WeeksOfCompletionAreIsoWeeksInTheViewersZone()
    {
        // Done at 2026-03-29 22:30 UTC: Sunday in UTC (week 13), Monday 00:30 in Paris (summer time since that night: week 14).
        var done = new DateTimeOffset(2026, 3, 29, 22, 30, 0, TimeSpan.Zero);
        await using var table = await AnalyticsTable.CreateAsync(directory.Path, done.AddDays(5));
        table.Record("rec1", done.AddHours(-2), "Done");
        await table.SaveAsync(table.StatusChange("rec1", done, "Todo", "Done"));
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        var utc = await table.Analytics.GetCycleTimeAsync(AnalyticsTable.TableId, "Todo", "Done", new AnalyticsPeriod(done.AddDays(-3), done.AddDays(3)), Ct);
        var local = await table.Analytics.GetCycleTimeAsync(AnalyticsTable.TableId, "Todo", "Done", new AnalyticsPeriod(done.AddDays(-3), done.AddDays(3), paris), Ct);

        Assert.Equal([new CycleWeek(2026, 13, new DateOnly(2026, 3, 23), 1, 7200)], utc!.Weeks);
        Assert.Equal([new CycleWeek(2026, 14, new DateOnly(2026, 3, 30), 1, 7200)], local!.Weeks);
        Assert.Equal("Europe/Paris", local.TimeZone);
    }

    [Fact]
    public async Task TheSameStatusTwiceIsRefused()
    {
        await using var table = await AnalyticsTable.CreateAsync(directory.Path, Now);

        var refusal = await Assert.ThrowsAsync<ArgumentException>(() => table.Analytics.GetCycleTimeAsync(AnalyticsTable.TableId, "Done", "selDone", new AnalyticsPeriod(T, Now), Ct));

        Assert.Equal("toStatus", refusal.ParamName);
    }
}
