using System.Diagnostics;
using System.Globalization;
using AirtableSync.Jobs;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Storage;
using AirtableSync.Sync;

namespace AirtableSync.Web.Benchmarks;

// At Airtable's real limits (5 requests/s per base, 30 s penalty) with 300 ms latency: 4 × 5,000 records, then one table of
// 20,000, each with our engine and a naive baseline (one table, one page at a time). The fake is a child process, so peak
// memory is the sync's.
public static class SyncBenchmark
{
    private const double RecordsPerPage = 100;

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var latency = TimeSpan.FromMilliseconds(args.Contains("--quick") ? 50 : 300);
        var scale = args.Contains("--quick") ? 10 : 1;
        output.WriteLine($"Sync benchmark: fake Airtable at 5 requests/s per base, 30 s penalty, {latency.TotalMilliseconds} ms latency.");
        output.WriteLine($"Ceiling: 5 requests/s × {RecordsPerPage} records = {5 * RecordsPerPage} records/s per base.");
        output.WriteLine();
        output.WriteLine("| scenario | engine | records | seconds | records/s | requests/s (base) | ratio to ceiling | 429s | peak working set |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        var scenarios = new[]
        {
            ("4 tables × 5,000", new SyntheticWorkspaceSpec(1, 4, 5_000 / scale, FieldsPerTable: 10)),
            ("1 table × 20,000", new SyntheticWorkspaceSpec(1, 1, 20_000 / scale, FieldsPerTable: 10)),
        };
        foreach (var (name, spec) in scenarios)
        {
            foreach (var (engine, streams, slices) in new[] { ("AirtableSync", 4, 8), ("naive baseline", 1, 1) })
            {
                var result = await MeasureAsync(spec, latency, streams, slices, cancellationToken);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {engine} | {result.Records:N0} | {result.Seconds:F1} | {result.RecordsPerSecond:F0} | {result.RequestsPerSecond:F2} | {result.RecordsPerSecond / (5 * RecordsPerPage):P1} | {result.RateLimited} | {result.PeakWorkingSetMb:F0} MB |"));
            }
        }
        return 0;
    }

    private sealed record Measurement(long Records, double Seconds, double RecordsPerSecond, double RequestsPerSecond, int RateLimited, double PeakWorkingSetMb);

    private static async Task<Measurement> MeasureAsync(SyntheticWorkspaceSpec spec, TimeSpan latency, int streams, int slices, CancellationToken cancellationToken)
    {
        await using var fake = await FakeAirtableChild.StartAsync(spec, latency, BenchmarkToken.Value, cancellationToken);
        using var app = await BenchmarkHost.StartAsync(fake.BaseUrl, new Dictionary<string, string?>
        {
            ["Sync:StreamsPerBase"] = streams.ToString(CultureInfo.InvariantCulture),
            ["Sync:MaxSlicesPerTable"] = slices.ToString(CultureInfo.InvariantCulture),
        }, addServices: null, cancellationToken);
        var host = app.Host;
        var store = host.Services.GetRequiredService<ISyncStore>();

        // Schema first (not timed): the benchmark measures record throughput, the part bound by the rate limit.
        await BenchmarkJobs.RunAsync(host, JobKind.SchemaSync, new SyncRequest(), cancellationToken);
        await fake.ClearRequestLogAsync(cancellationToken);

        // The previous scenario's garbage is not this one's: start from a collected, decommitted heap.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var sampler = new PeakMemorySampler();
        var stopwatch = Stopwatch.StartNew();
        await BenchmarkJobs.RunAsync(host, JobKind.RecordSync, new SyncRequest(), cancellationToken);
        stopwatch.Stop();

        var records = (await store.GetStatisticsAsync(cancellationToken)).Records;
        var requests = await fake.StatsAsync(cancellationToken);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var peakMb = sampler.PeakMb;
        await host.StopAsync(cancellationToken);
        return new Measurement(records, seconds, records / seconds, requests.Requests / seconds, requests.RateLimited, peakMb);
    }
}
