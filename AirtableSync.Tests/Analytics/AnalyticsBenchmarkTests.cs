using AirtableSync.Web.Benchmarks;
using AirtableSync.Tests.Storage;

namespace AirtableSync.Tests.Analytics;

/// <summary>
/// The analytics benchmark's figures are only worth quoting if it measures what it says: the events it claims, every
/// report on both tables, with real answers. Speed is never asserted.
/// </summary>
public sealed class AnalyticsBenchmarkTests(TemporaryDirectory directory) : IClassFixture<TemporaryDirectory>
{
    [Fact]
    public async Task GeneratesTenEventsPerRecordAndAnswersEveryReportOnBothTables()
    {
        var output = new StringWriter();

        var exitCode = await AnalyticsBenchmark.RunAsync(["--records", "300", "--path", Path.Combine(directory.Path, "analytics.db")], output, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var lines = output.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("generated 3,300 events", StringComparison.Ordinal));
        foreach (var size in new[] { "30 records", "300 records" })
        {
            var mine = lines.Where(l => l.TrimStart().StartsWith(size, StringComparison.Ordinal)).ToList();
            Assert.Contains(mine, l => l.Contains("status durations", StringComparison.Ordinal) && l.Contains("5 statuses", StringComparison.Ordinal));
            Assert.Contains(mine, l => l.Contains("flow (365 days)", StringComparison.Ordinal) && l.Contains("366 days × 5 statuses", StringComparison.Ordinal));
            Assert.Contains(mine, l => l.Contains("cycle time", StringComparison.Ordinal) && !l.Contains(" 0 cycles", StringComparison.Ordinal));
            Assert.Contains(mine, l => l.Contains("activity feed, first page", StringComparison.Ordinal) && l.Contains("50 events, more", StringComparison.Ordinal));
            Assert.Equal(7, mine.Count);
        }
    }
}
