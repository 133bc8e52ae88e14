using System.Diagnostics;
using System.Globalization;
using System.Text;
using AirtableSync.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AirtableSync.Web.Benchmarks;

// Batches of Sync:WriteBatchRecords (ten Airtable pages by default; --batch 100 is one page) into a fresh file, then the
// same unchanged, then 10% changed, then the UI's first-page queries. Not a test: figures depend on the machine and its load.
public static class StorageBenchmark
{
    private const int FieldCount = 20;
    // A number field (Cells: field % 5 == 1), so a sort spreads its values over the whole table.
    private const string SortField = "fld00000000000001";

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var records = IntOption(args, "--records", 100_000);
        var batch = IntOption(args, "--batch", new AirtableSync.Sync.SyncOptions().WriteBatchRecords);
        var givenPath = Option(args, "--path");
        var directory = Path.Combine(Path.GetTempPath(), $"airtablesync-bench-{Guid.NewGuid():N}");
        var path = Path.GetFullPath(givenPath ?? Path.Combine(directory, "bench.db"));
        if (File.Exists(path))
        {
            await output.WriteLineAsync($"{path} exists; the benchmark needs a fresh file.");
            return 1;
        }
        try
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"SQLite storage benchmark: {records:N0} records of ~{Cells(0, 0).Length} bytes ({FieldCount} fields), batches of {batch}, {Environment.ProcessorCount} cores ({CpuModel()}), SQLite {SqliteVersion()}, load {LoadAverage()}"));
            await WarmUpAsync(Path.Combine(Path.GetDirectoryName(path)!, $"warm-up-{Guid.NewGuid():N}.db"), batch,
                TimeSpan.FromSeconds(IntOption(args, "--warm-up-seconds", 5)), cancellationToken);
            using var store = new SqliteSyncStore(path, NullLogger<SqliteSyncStore>.Instance);
            await store.InitializeAsync(cancellationToken);
            var start = DateTimeOffset.UtcNow;
            await PassAsync(store, "insert", records, batch, _ => 0, start, output, cancellationToken);
            await PassAsync(store, "unchanged", records, batch, _ => 0, start.AddMinutes(1), output, cancellationToken);
            await PassAsync(store, "10% changed", records, batch, i => i % 10 == 0 ? 1 : 0, start.AddMinutes(2), output, cancellationToken);
            // Every grid window also counts its matches (the "N records match" caption), so each figure is page + count.
            // The grid reads windows of up to 500 rows at any offset; "deep" is the middle of the table.
            var deep = records / 2;
            await QueryAsync(store, "first page + count", new RecordQuery("appBench", "tblBench"), output, cancellationToken);
            await QueryAsync(store, "deep page + count", new RecordQuery("appBench", "tblBench", Skip: deep, Take: 500), output, cancellationToken);
            await QueryAsync(store, "search common", new RecordQuery("appBench", "tblBench", Search: "Progress"), output, cancellationToken);
            await QueryAsync(store, "search (1% match)", new RecordQuery("appBench", "tblBench", Search: "Needle"), output, cancellationToken);
            await QueryAsync(store, "search rare", new RecordQuery("appBench", "tblBench", Search: RareWord(deep + 1)), output, cancellationToken);
            await QueryAsync(store, "search (no match)", new RecordQuery("appBench", "tblBench", Search: "nothing-matches-this"), output, cancellationToken);
            await QueryAsync(store, "search 2 letters", new RecordQuery("appBench", "tblBench", Search: "v1"), output, cancellationToken);
            // Needles of 1–2 characters few records hold ("d" and "dl" only in "Needle", 1%) or none: found through the
            // index's terms that start with them, where a walk would read the whole table.
            await QueryAsync(store, "search 2 letters, none", new RecordQuery("appBench", "tblBench", Search: "qz"), output, cancellationToken);
            await QueryAsync(store, "search 2 letters, 1%", new RecordQuery("appBench", "tblBench", Search: "dl"), output, cancellationToken);
            await QueryAsync(store, "search 1 letter, 1%", new RecordQuery("appBench", "tblBench", Search: "d"), output, cancellationToken);
            await QueryAsync(store, "search 1 letter, none", new RecordQuery("appBench", "tblBench", Search: "k"), output, cancellationToken);
            await QueryAsync(store, "search 1 letter, all", new RecordQuery("appBench", "tblBench", Search: "p"), output, cancellationToken);
            // The first sort by a field may prepare an index for it: timed once, apart from the steady figures.
            await QueryAsync(store, "sorted, first time", new RecordQuery("appBench", "tblBench", SortFieldId: SortField), output, cancellationToken, runs: 1);
            await QueryAsync(store, "sorted by a field", new RecordQuery("appBench", "tblBench", SortFieldId: SortField), output, cancellationToken);
            await QueryAsync(store, "sorted, deep page", new RecordQuery("appBench", "tblBench", Skip: deep, Take: 500, SortFieldId: SortField), output, cancellationToken);
            await QueryAsync(store, "sorted desc, 1st time", new RecordQuery("appBench", "tblBench", SortFieldId: SortField, SortDirection: SortDirection.Descending), output, cancellationToken, runs: 1);
            await QueryAsync(store, "sorted desc", new RecordQuery("appBench", "tblBench", SortFieldId: SortField, SortDirection: SortDirection.Descending), output, cancellationToken);
            await QueryAsync(store, "sorted + search", new RecordQuery("appBench", "tblBench", SortFieldId: SortField, Search: "Needle"), output, cancellationToken);
            // Writes again, now with whatever the sorts and searches keep up to date.
            await PassAsync(store, "10% changed again", records, batch, i => i % 10 == 0 ? 2 : 0, start.AddMinutes(3), output, cancellationToken);
            var memory = GC.GetGCMemoryInfo();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB; GC heap {memory.HeapSizeBytes / 1048576.0:F0} MB; allocated {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MB; collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}; file {new FileInfo(path).Length / 1048576.0:F0} MB; background checkpoints {store.CheckpointsStarted}; load {LoadAverage()}"));
            if (ResidentBreakdown() is { } resident)
            {
                await output.WriteLineAsync(resident);
            }
            return 0;
        }
        finally
        {
            if (givenPath is null && Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    // A sync runs for hours, so measure steady state: tiered JIT recompiles hot methods after ~30 calls and a quiet spell (the first
    // pass ran a third faster after 5 s of warm-up than after 40 writes). It writes its own file, so the measured one starts empty.
    private static async Task WarmUpAsync(string path, int batch, TimeSpan duration, CancellationToken cancellationToken)
    {
        var size = Math.Min(batch, 250);
        var elapsed = Stopwatch.StartNew();
        try
        {
            using var store = new SqliteSyncStore(path, NullLogger<SqliteSyncStore>.Instance);
            await store.InitializeAsync(cancellationToken);
            for (var round = 0; elapsed.Elapsed < duration; round++)
            {
                var table = $"tblWarmUp{round}";
                await PassAsync(store, "warm-up", 40 * size, size, _ => 0, DateTimeOffset.UtcNow, TextWriter.Null, cancellationToken, table, 50_000_000 + round * 40 * size);
                await PassAsync(store, "warm-up", 40 * size, size, i => i % 10 == 0 ? 1 : 0, DateTimeOffset.UtcNow.AddMinutes(1), TextWriter.Null, cancellationToken, table, 50_000_000 + round * 40 * size);
            }
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    private static async Task PassAsync(SqliteSyncStore store, string name, int records, int batch, Func<int, int> version, DateTimeOffset seenAt,
        TextWriter output, CancellationToken cancellationToken, string tableId = "tblBench", int idOffset = 0)
    {
        using var process = Process.GetCurrentProcess();
        var total = new UpsertOutcome(0, 0, 0);
        var cpu = TimeSpan.Zero;
        var elapsed = new Stopwatch();
        for (var first = 0; first < records; first += batch)
        {
            // Generating the JSON is the API client's cost, not the store's: only the upsert is timed.
            var page = Enumerable.Range(first, Math.Min(batch, records - first))
                .Select(i => new RecordData(RecordId(idOffset + i), DateTimeOffset.UnixEpoch.AddSeconds(1_700_000_000 + i), Cells(i, version(i))))
                .ToList();
            var cpuBefore = process.TotalProcessorTime;
            elapsed.Start();
            var outcome = await store.UpsertRecordsAsync("appBench", tableId, page, seenAt, cancellationToken);
            if (first + batch >= records)
            {
                // The log is copied into the file in the background; the pass is not done until that copy is.
                await store.WhenCheckpointIdleAsync();
            }
            elapsed.Stop();
            cpu += process.TotalProcessorTime - cpuBefore;
            total = new UpsertOutcome(total.Inserted + outcome.Inserted, total.Updated + outcome.Updated, total.Unchanged + outcome.Unchanged);
        }
        // CPU time alongside wall time: on a shared, overloaded machine records per CPU-second is the steadier figure.
        var cpuSeconds = cpu.TotalSeconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{name,-12} {records / elapsed.Elapsed.TotalSeconds,10:N0} records/s wall, {records / cpuSeconds,10:N0} records/CPU-s  ({elapsed.Elapsed.TotalSeconds:F2} s wall, {cpuSeconds:F2} s CPU; inserted {total.Inserted}, updated {total.Updated}, unchanged {total.Unchanged})"));
    }

    private static async Task QueryAsync(SqliteSyncStore store, string name, RecordQuery query, TextWriter output, CancellationToken cancellationToken, int runs = 5)
    {
        var timings = new List<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        RecordPage? page = null;
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            page = await store.QueryRecordsAsync(query, cancellationToken);
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        var cpuMilliseconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / timings.Count;
        timings.Sort();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"query {name,-22} median {timings[timings.Count / 2],7:F1} ms wall, {cpuMilliseconds,6:F1} ms CPU  (min {timings[0]:F1}, max {timings[^1]:F1}; {page?.Items.Count} rows of {page?.TotalCount:N0}{(page?.TotalIsLowerBound == true ? "+" : "")})"));
    }

    // Airtable record ids are random ("rec" + 14 base-62 characters), so index inserts are scattered, not appended.
    private static string RecordId(int seed)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var random = new Random(seed);
        return string.Create(17, random, (span, r) =>
        {
            "rec".CopyTo(span);
            for (var i = 3; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }

    // ~500 bytes of cells in Airtable's shapes: text, numbers, booleans, arrays, a select, an error value.
    private static string Cells(int index, int version)
    {
        var json = new StringBuilder(560).Append('{');
        for (var field = 0; field < FieldCount; field++)
        {
            json.Append(field == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"\"fld{field:D14}\":");
            json.Append((field % 5) switch
            {
                0 => string.Create(CultureInfo.InvariantCulture, $"\"{(index % 100 == 0 && field == 0 ? "Needle" : "Row")} {index} v{version}\""),
                1 => string.Create(CultureInfo.InvariantCulture, $"{(index * 7919 + field) % 100_000}"),
                2 => index % 2 == 0 ? "true" : "false",
                3 => string.Create(CultureInfo.InvariantCulture, $"[\"rec{index % 977:D5}\",\"opt{field}\"]"),
                _ => field == 19 ? """{"error":"#ERROR!"}""" : "\"In progress\"",
            });
        }
        return json.Append('}').ToString();
    }

    // The working set counts the pages of the memory-mapped database file (mmap_size) that were touched; Linux
    // tells them apart from the process's own memory.
    private static string? ResidentBreakdown()
    {
        if (!File.Exists("/proc/self/status"))
        {
            return null;
        }
        var fields = File.ReadLines("/proc/self/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0] is "RssAnon" or "RssFile")
            .Select(parts => $"{(parts[0] == "RssAnon" ? "anonymous" : "file-backed (mapped database, libraries)")} {long.Parse(parts[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024} MB");
        return "resident at the end: " + string.Join(", ", fields);
    }

    // Field 0's text of one record the 10% pass left alone (an odd index): its digits and version make it unique.
    private static string RareWord(int index) => string.Create(CultureInfo.InvariantCulture, $"Row {index} v0");

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    private static string SqliteVersion()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection.ServerVersion;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
