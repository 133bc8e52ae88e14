using AirtableSync.Jobs;

namespace AirtableSync.Tests.Jobs;

public sealed class ProgressRateMeterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RateCoversOnlyTheSlidingWindow()
    {
        var meter = new ProgressRateMeter(TimeSpan.FromSeconds(10));
        meter.Measure("records", 0, 1000, Start);
        meter.Measure("records", 10, 1000, Start.AddSeconds(10));   // 1 record/s in the first 10 s
        meter.Measure("records", 110, 1000, Start.AddSeconds(15));
        var (rate, remaining) = meter.Measure("records", 210, 1000, Start.AddSeconds(20));

        Assert.Equal(20, rate ?? 0, precision: 6);
        Assert.Equal(TimeSpan.FromSeconds(790 / 20.0), remaining);
    }

    [Fact]
    public void NewPhaseRestartsTheRate()
    {
        var meter = new ProgressRateMeter(TimeSpan.FromSeconds(30));
        meter.Measure("tables", 0, 5, Start);
        meter.Measure("tables", 5, 5, Start.AddSeconds(5));

        var (rate, remaining) = meter.Measure("records", 0, 100, Start.AddSeconds(6));

        Assert.Null(rate);
        Assert.Null(remaining);
        Assert.Equal(10, meter.Measure("records", 10, 100, Start.AddSeconds(7)).RatePerSecond ?? 0, precision: 6);
    }

    [Fact]
    public void UnknownTotalGivesARateButNoEstimateAndDoneGivesZero()
    {
        var meter = new ProgressRateMeter(TimeSpan.FromSeconds(30));
        meter.Measure("records", 0, null, Start);

        Assert.Null(meter.Measure("records", 50, null, Start.AddSeconds(5)).EstimatedRemaining);
        Assert.Equal(TimeSpan.Zero, meter.Measure("records", 60, 60, Start.AddSeconds(6)).EstimatedRemaining);
    }
}
