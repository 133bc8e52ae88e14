using AirtableSync.Analytics;
using AirtableSync.Tests.Storage;

namespace AirtableSync.Tests.Analytics;

/// <summary>Time in status computed by hand for small histories; T is Monday 2026-03-02 09:00 UTC, now is T + 10 days.</summary>
public sealed class StatusDurationsTests(TemporaryDirectory directory) : IClassFixture<TemporaryDirectory>
{
    private static readonly DateTimeOffset T = AnalyticsTable.T;
    private static readonly DateTimeOffset Now = T.AddDays(10);
    private const double Day = 86_400;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private Task<AnalyticsTable> TableAsync(params string[] choices) => AnalyticsTable.CreateAsync(directory.Path, Now, choices);

    private static async Task<Dictionary<string, StatusDurationRow>> RowsAsync(AnalyticsTable table, DateTimeOffset from, DateTimeOffset to)
    {
        var report = await table.Analytics.GetStatusDurationsAsync(AnalyticsTable.TableId, new AnalyticsPeriod(from, to), Ct);
        Assert.NotNull(report);
        return report.Statuses.ToDictionary(r => r.Status.Name);
    }

    [Fact]
    public async Task ARecordWithoutEventsSpendsItsWholeLifeInItsCurrentStatus()
    {
        await using var table = await TableAsync();
        table.Record("rec1", T, "Todo");
        await table.SaveAsync();

        var rows = await RowsAsync(table, T.AddDays(-1), Now);

        Assert.Equal(new StatusDurationRow(new StatusRef("selTodo", "Todo"), 1, 1, 0, new DurationSummary(1, 10 * Day, 10 * Day, 10 * Day, 10 * Day)), rows["Todo"]);
        Assert.Equal(new DurationSummary(0, null, null, null, null), rows["Doing"].TimeInStatus);
    }

    [Fact]
    public async Task AChangeStampedAfterNowHasNotHappenedYet()
    {
        // Clocks disagree: an event dated a day after our now. Until then the record is still in Todo, ongoing.
        await using var table = await TableAsync();
        table.Record("rec1", T, "Done");
        await table.SaveAsync(table.StatusChange("rec1", Now.AddDays(1), "Todo", "Done"));

        foreach (var analytics in new[] { table.Analytics, table.Streaming })
        {
            var report = await analytics.GetStatusDurationsAsync(AnalyticsTable.TableId, new AnalyticsPeriod(T, Now.AddDays(5)), Ct);
            var rows = report!.Statuses.ToDictionary(r => r.Status.Name);
            Assert.Equal(new StatusDurationRow(new StatusRef("selTodo", "Todo"), 1, 1, 0, new DurationSummary(1, 10 * Day, 10 * Day, 10 * Day, 10 * Day)), rows["Todo"]);
            Assert.Equal(0, rows["Done"].Entered);
        }

        table.Clock.Advance(TimeSpan.FromDays(2));
        var later = await table.Analytics.GetStatusDurationsAsync(AnalyticsTable.TableId, new AnalyticsPeriod(T, Now.AddDays(5)), Ct);
        Assert.Equal((1, 11 * Day), (later!.Statuses.Single(r => r.Status.Name == "Done").CurrentCount, later.Statuses.Single(r => r.Status.Name == "Todo").TimeInStatus.MaxSeconds!.Value));
    }

    [Fact]
    public async Task OneChangeSplitsTheLifeAndThePeriodCutsTheVisits()
    {
        await using var table = await TableAsync();
        table.Record("rec1", T, "Doing");
        await table.SaveAsync(table.StatusChange("rec1", T.AddHours(1), "Todo", "Doing"));

        var whole = await RowsAsync(table, T, Now);
        var part = await RowsAsync(table, T.AddMinutes(30), T.AddHours(2));

        Assert.Equal((0, 1, 1, 3600.0), (whole["Todo"].CurrentCount, whole["Todo"].Entered, whole["Todo"].Left, whole["Todo"].TimeInStatus.MaxSeconds!.Value));
        Assert.Equal((1, 1, 0, 10 * Day - 3600), (whole["Doing"].CurrentCount, whole["Doing"].Entered, whole["Doing"].Left, whole["Doing"].TimeInStatus.MaxSeconds!.Value));
        // [09:30, 11:00): Todo entered before it (09:00), left in it; Doing entered at 10:00 and still on.
        Assert.Equal((0, 1, 1800.0), (part["Todo"].Entered, part["Todo"].Left, part["Todo"].TimeInStatus.MedianSeconds!.Value));
        Assert.Equal((1, 0, 3600.0), (part["Doing"].Entered, part["Doing"].Left, part["Doing"].TimeInStatus.MedianSeconds!.Value));
        // The current count is about now, whatever the period.
        Assert.Equal(1, part["Doing"].CurrentCount);
    }

    [Fact]
    public async Task AReEntryIsASecondVisitWithItsOwnDuration()
    {
        await using var table = await TableAsync();
        table.Record("rec1", T, "Done");
        await table.SaveAsync(
            table.StatusChange("rec1", T.AddHours(1), "Todo", "Doing"), table.StatusChange("rec1", T.AddHours(3), "Doing", "Todo"),
            table.StatusChange("rec1", T.AddHours(6), "Todo", "Done"));

        var rows = await RowsAsync(table, T, Now);

        // Todo: 09:00–10:00 and 12:00–15:00. Nearest rank: the median of two is the shorter, p75 the longer.
        Assert.Equal(new StatusDurationRow(new StatusRef("selTodo", "Todo"), 0, 2, 2, new DurationSummary(2, 3600, 10_800, 10_800, 10_800)), rows["Todo"]);
        Assert.Equal(new DurationSummary(1, 7200, 7200, 7200, 7200), rows["Doing"].TimeInStatus);
        Assert.Equal(10 * Day - 6 * 3600, rows["Done"].TimeInStatus.MaxSeconds);
    }

    [Fact]
    public async Task ChangesInTheSameMillisecondAreChainedByTheirValuesNotByTheirIds()
    {
        await using var table = await TableAsync();
        table.Record("rec1", T, "Done");
        // By activity id, "a1" (Doing → Done) would come first and the record would start in Doing and end in Doing.
        await table.SaveAsync(
            table.StatusChange("rec1", T.AddHours(1), "Doing", "Done", activity: "actA000000000001"),
            table.StatusChange("rec1", T.AddHours(1), "Todo", "Doing", activity: "actA000000000002"));

        var rows = await RowsAsync(table, T, Now);

        Assert.Equal(new DurationSummary(1, 3600, 3600, 3600, 3600), rows["Todo"].TimeInStatus);
        Assert.Equal((0, 0, 0), (rows["Doing"].TimeInStatus.Count, rows["Doing"].CurrentCount, rows["Doing"].Entered));
        Assert.Equal((1, 1, 10 * Day - 3600), (rows["Done"].CurrentCount, rows["Done"].Entered, rows["Done"].TimeInStatus.MaxSeconds!.Value));
    }

    [Fact]
    public async Task ADeletedRecordKeepsItsHistoryUpToItsDeletion()
    {
        await using var table = await TableAsync();
        table.Record("rec1", T, "Doing", deletedAt: T.AddHours(5));
        await table.SaveAsync(table.StatusChange("rec1", T.AddHours(1), "Todo", "Doing"));

        var rows = await RowsAsync(table, T, Now);

        Assert.Equal(new StatusDurationRow(new StatusRef("selDoing", "Doing"), 0, 1, 1, new DurationSummary(1, 14_400, 14_400, 14_400, 14_400)), rows["Doing"]);
        Assert.Equal(3600, rows["Todo"].TimeInStatus.MaxSeconds);
    }

    [Fact]
    public async Task ARenamedStatusIsReportedByItsChoiceAndCurrentName()
    {
        // "Doing" was renamed "In progress": events keep "Doing", the cell of rec1 (still in it) says "In progress".
        await using var table = await TableAsync("selTodo:Todo", "selDoing:In progress", "selDone:Done");
        table.Record("rec1", T, "In progress");
        table.Record("rec2", T, "Done");
        await table.SaveAsync(
            table.StatusChange("rec1", T.AddHours(1), "Todo", "Doing"),
            table.StatusChange("rec2", T.AddHours(1), "Todo", "Doing"), table.StatusChange("rec2", T.AddHours(2), "Doing", "Done"));

        var rows = await RowsAsync(table, T, Now);

        Assert.Equal(["Todo", "In progress", "Done"], rows.Keys);
        Assert.Equal(new StatusDurationRow(new StatusRef("selDoing", "In progress"), 1, 2, 1, new DurationSummary(2, 3600, 10 * Day - 3600, 10 * Day - 3600, 10 * Day - 3600)),
            rows["In progress"]);
    }

    [Fact]
    public async Task AChoiceRemovedFromTheSchemaIsStillReportedByItsOldNameWithoutAnId()
    {
        await using var table = await TableAsync("selTodo:Todo", "selDone:Done");
        table.Record("rec1", T, "Done");
        await table.SaveAsync(table.StatusChange("rec1", T.AddHours(1), "Todo", "Blocked"), table.StatusChange("rec1", T.AddHours(3), "Blocked", "Done"));

        var report = await table.Analytics.GetStatusDurationsAsync(AnalyticsTable.TableId, new AnalyticsPeriod(T, Now), Ct);

        Assert.Equal([new StatusRef("selTodo", "Todo"), new StatusRef("selDone", "Done"), new StatusRef(null, "Blocked")], report!.Statuses.Select(r => r.Status));
        Assert.Equal(new DurationSummary(1, 7200, 7200, 7200, 7200), report.Statuses[2].TimeInStatus);
    }

    [Fact]
    public async Task EventsStoredInAnyOrderGiveTheSameDurations()
    {
        await using var table = await TableAsync();
        table.Record("rec1", T, "Done");
        var changes = new[]
        {
            table.StatusChange("rec1", T.AddHours(1), "Todo", "Doing"), table.StatusChange("rec1", T.AddHours(3), "Doing", "Todo"),
            table.StatusChange("rec1", T.AddHours(6), "Todo", "Done"),
        };
        await table.SaveAsync(changes[2]);
        await table.SaveAsync(changes[0]);
        await table.SaveAsync(changes[1]);

        var rows = await RowsAsync(table, T, Now);

        Assert.Equal(new DurationSummary(2, 3600, 10_800, 10_800, 10_800), rows["Todo"].TimeInStatus);
        Assert.Equal(new DurationSummary(1, 7200, 7200, 7200, 7200), rows["Doing"].TimeInStatus);
    }

    [Fact]
    public async Task AnUnknownTableHasNoReport()
    {
        await using var table = await TableAsync();

        Assert.Null(await table.Analytics.GetStatusDurationsAsync("tblUnknown0000001", new AnalyticsPeriod(T, Now), Ct));
    }
}
