using AirtableSync.Analytics;
using AirtableSync.Tests.Storage;

namespace AirtableSync.Tests.Analytics;

/// <summary>
/// Records per status at the end of each day. Around Paris's switch to summer time (2026-03-29, 02:00 → 03:00): Paris
/// days begin 2026-03-27 23:00, 03-28 23:00 (that day has 23 hours), 03-29 22:00, 03-30 22:00 UTC.
/// </summary>
public sealed class FlowTests(TemporaryDirectory directory) : IClassFixture<TemporaryDirectory>
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly DateTimeOffset Now = new(2026, 4, 10, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    // Created in Todo; Doing at 00:30 Paris on the 29th (still the 28th in UTC); Done at 00:30 Paris on the 30th (the 29th in UTC).
    private async Task<AnalyticsTable> TableAsync()
    {
        var table = await AnalyticsTable.CreateAsync(directory.Path, Now);
        table.Record("rec1", Utc(27, 12), "Done");
        await table.SaveAsync(table.StatusChange("rec1", Utc(28, 23, 30), "Todo", "Doing"), table.StatusChange("rec1", Utc(29, 22, 30), "Doing", "Done"));
        return table;
    }

    [Fact]
    public async Task DaysEndAtLocalMidnightAcrossTheDaylightSavingChange()
    {
        await using var table = await TableAsync();
        var period = new AnalyticsPeriod(Utc(27, 23), Utc(30, 22), Paris);

        var report = await table.Analytics.GetFlowAsync(AnalyticsTable.TableId, period, Ct);

        Assert.Equal(["Todo", "Doing", "Done"], report!.Statuses.Select(s => s.Name));
        Assert.Equal(
            [
                new(new DateOnly(2026, 3, 28), Utc(28, 23), [1, 0, 0]),
                new(new DateOnly(2026, 3, 29), Utc(29, 22), [0, 1, 0]),
                new(new DateOnly(2026, 3, 30), Utc(30, 22), [0, 0, 1]),
            ],
            report.Days.Select(d => (d.Day, d.At, Counts: d.Counts.ToArray())).Select(d => new FlowPoint(d.Day, d.At, d.Counts)).ToArray());
    }

    [Fact]
    public async Task UtcDaysSeeTheSameChangesOnOtherDays()
    {
        await using var table = await TableAsync();
        var period = new AnalyticsPeriod(Utc(28, 0), Utc(31, 0));

        var report = await table.Analytics.GetFlowAsync(AnalyticsTable.TableId, period, Ct);

        Assert.Equal(
            [new(new DateOnly(2026, 3, 28), Utc(29, 0), [0, 1, 0]), new(new DateOnly(2026, 3, 29), Utc(30, 0), [0, 0, 1]), new(new DateOnly(2026, 3, 30), Utc(31, 0), [0, 0, 1])],
            report!.Days.Select(d => new FlowPoint(d.Day, d.At, [.. d.Counts])).ToArray());
    }

    [Fact]
    public async Task TodayCountsAtNowAndDaysToComeAreLeftOutAsAreRecordsNotYetCreatedOrDeleted()
    {
        var now = Utc(4, 12);
        await using var table = await AnalyticsTable.CreateAsync(directory.Path, now);
        table.Record("recOld", Utc(1, 8), "Todo");
        table.Record("recNew", Utc(3, 8), "Todo");
        table.Record("recGone", Utc(1, 8), "Todo", deletedAt: Utc(2, 12));
        await table.SaveAsync();

        var report = await table.Analytics.GetFlowAsync(AnalyticsTable.TableId, new AnalyticsPeriod(Utc(1, 0), Utc(8, 0)), Ct);

        Assert.Equal(
            [new(new DateOnly(2026, 3, 1), Utc(2, 0), [2, 0, 0]), new(new DateOnly(2026, 3, 2), Utc(3, 0), [1, 0, 0]),
             new(new DateOnly(2026, 3, 3), Utc(4, 0), [2, 0, 0]), new(new DateOnly(2026, 3, 4), now, [2, 0, 0])],
            report!.Days.Select(d => new FlowPoint(d.Day, d.At, [.. d.Counts])).ToArray());
    }

    private sealed record FlowPoint(DateOnly Day, DateTimeOffset At, int[] Counts)
    {
        public bool Equals(FlowPoint? other) => other is not null && Day == other.Day && At == other.At && Counts.SequenceEqual(other.Counts);

        public override int GetHashCode() => HashCode.Combine(Day, At);

        public override string ToString() => $"{Day:yyyy-MM-dd} {At:O} [{string.Join(",", Counts)}]";
    }
}
