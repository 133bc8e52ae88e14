namespace AirtableSync.Web.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project AirtableSync.Web -- benchmark &lt;name&gt; [options]</c>. Each benchmark is a
/// static RunAsync(args, output, token); add a case per benchmark.
/// </summary>
public static class BenchmarkCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        switch (args)
        {
            case ["storage", .. var rest]:
                return await StorageBenchmark.RunAsync(rest, Console.Out, cancellationToken);
            default:
                await Console.Error.WriteLineAsync("Usage: benchmark storage [--records N] [--batch N] [--path file.db]");
                return 2;
        }
    }
}
