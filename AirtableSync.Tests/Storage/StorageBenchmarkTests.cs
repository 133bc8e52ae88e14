using AirtableSync.Web.Benchmarks;

namespace AirtableSync.Tests.Storage;

/// <summary>
/// The benchmark's figures are only worth quoting if its passes do what they say: every record inserted, then
/// found unchanged, then one in ten changed. Counts are checked here; speed is never asserted.
/// </summary>
public sealed class StorageBenchmarkTests(TemporaryDirectory directory) : IClassFixture<TemporaryDirectory>
{
    [Fact]
    public async Task PassesInsertThenFindUnchangedThenUpdateOneInTenAndLeaveTheWarmUpFileBehindNowhere()
    {
        var folder = Path.Combine(directory.Path, "bench");
        var output = new StringWriter();

        var exitCode = await StorageBenchmark.RunAsync(
            ["--records", "3000", "--batch", "500", "--warm-up-seconds", "1", "--path", Path.Combine(folder, "bench.db")],
            output, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var lines = output.ToString().Split('\n');
        Assert.Contains(lines, line => line.StartsWith("insert", StringComparison.Ordinal) && line.Contains("inserted 3000, updated 0, unchanged 0", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("unchanged", StringComparison.Ordinal) && line.Contains("inserted 0, updated 0, unchanged 3000", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("10% changed", StringComparison.Ordinal) && line.Contains("inserted 0, updated 300, unchanged 2700", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("query search (1% match)", StringComparison.Ordinal) && line.Contains("of 30)", StringComparison.Ordinal));
        // The warm-up wrote to a file of its own and removed it; the measured file is the one asked for.
        Assert.Equal(["bench.db"], Directory.GetFiles(folder).Select(Path.GetFileName).Where(name => name!.EndsWith(".db", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RefusesAnExistingFileRatherThanMeasureOnTopOfIt()
    {
        var path = Path.Combine(directory.Path, "existing.db");
        await File.WriteAllTextAsync(path, "not empty", TestContext.Current.CancellationToken);
        var output = new StringWriter();

        var exitCode = await StorageBenchmark.RunAsync(["--path", path], output, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains("needs a fresh file", output.ToString(), StringComparison.Ordinal);
    }
}
