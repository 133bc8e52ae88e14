namespace AirtableSync.Web.Benchmarks;

// dotnet run -c Release --project AirtableSync.Web -- benchmark <name> [options]. Each benchmark is a static
// RunAsync(args, output, token); add a case per benchmark.
public static class BenchmarkCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        switch (args)
        {
            case ["storage", .. var rest]:
                return await StorageBenchmark.RunAsync(rest, Console.Out, cancellationToken);
            case ["sync", .. var rest]:
                return await SyncBenchmark.RunAsync(rest, Console.Out, cancellationToken);
            case [FakeAirtableProcess.Verb, .. var rest]:
                return await FakeAirtableProcess.ServeAsync(rest, cancellationToken);
            case ["analytics", .. var rest]:
                return await AnalyticsBenchmark.RunAsync(rest, Console.Out, cancellationToken);
            case ["revisions", .. var rest]:
                return await RevisionBenchmark.RunAsync(rest, Console.Out, cancellationToken);
            default:
                await Console.Error.WriteLineAsync("Usage: benchmark storage [--records N (500000: Airtable's per-base maximum)] [--batch N] [--warm-up-seconds N] [--path file.db] | sync [--quick] | revisions [--quick] | analytics [--records N] [--path file.db]");
                return 2;
        }
    }
}
