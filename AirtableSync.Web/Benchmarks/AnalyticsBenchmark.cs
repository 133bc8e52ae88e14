using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AirtableSync.Analytics;
using AirtableSync.Revisions;
using AirtableSync.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AirtableSync.Web.Benchmarks;

// History analytics at Airtable's largest scale (issue #16): a table of --records records (500,000 by default, the most a
// base may hold) with 10 revision events each (7 status changes, 3 assignee changes) spread over the past year, and a
// table a tenth that size, so the figures show how time and memory grow with the table. Each report is asked twice
// and the second answer is timed (the first warms SQLite's page cache and the JIT). Not a test: figures depend on the
// machine and its load.
public static class AnalyticsBenchmark
{
    public const string BaseId = "appAnalyticsBnch";
    private const int EventsPerRecord = 10;
    private const int Batch = 5_000;
    private static readonly string[] Statuses = ["Todo", "In progress", "Review", "Blocked", "Done"];
    private static readonly string[] People = [.. Enumerable.Range(1, 20).Select(i => $"Person {i:00}")];

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var records = IntOption(args, "--records", 500_000);
        var givenPath = Option(args, "--path");
        var directory = Path.Combine(Path.GetTempPath(), $"airtablesync-bench-{Guid.NewGuid():N}");
        var path = Path.GetFullPath(givenPath ?? Path.Combine(directory, "analytics.db"));
        if (File.Exists(path))
        {
            await output.WriteLineAsync($"{path} exists; the benchmark needs a fresh file.");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Analytics benchmark: {records:N0} records × {EventsPerRecord} events (and a table of {records / 10:N0}), {Environment.ProcessorCount} cores, {CpuModel()}"));
            using var store = new SqliteSyncStore(path, NullLogger<SqliteSyncStore>.Instance);
            await store.InitializeAsync(cancellationToken);
            var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
            var time = new FixedTime(now);
            var small = Math.Max(1, records / 10);
            await store.ApplyBaseListAsync([new BaseInfo(BaseId, "Analytics benchmark", "create")], now, cancellationToken);
            await store.ApplyBaseSchemaAsync(BaseId, [Table("tblSmall", "Tasks (small)"), Table("tblLarge", "Tasks")], now, cancellationToken);
            var generation = Stopwatch.StartNew();
            await GenerateAsync(store, "tblSmall", 0, small, now, cancellationToken);
            await GenerateAsync(store, "tblLarge", small, records, now, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"generated {(small + records) * EventsPerRecord:N0} events in {generation.Elapsed.TotalSeconds:F0} s; file {new FileInfo(path).Length / 1048576.0:F0} MB"));

            var analytics = new TableAnalytics(store, new TableFieldRoles(store, time), new FieldTimelines(store, store, store, time, NullLogger<FieldTimelines>.Instance), time);
            var year = new AnalyticsPeriod(now.AddDays(-365), now);
            foreach (var (tableId, size) in new[] { ("tblSmall", small), ("tblLarge", records) })
            {
                await MeasureAsync(output, size, "status durations (1 year)", () => analytics.GetStatusDurationsAsync(tableId, year, cancellationToken), cancellationToken);
                await MeasureAsync(output, size, "cycle time In progress → Done (1 year)", () => analytics.GetCycleTimeAsync(tableId, "In progress", "Done", year, cancellationToken), cancellationToken);
                await MeasureAsync(output, size, "flow (365 days)", () => analytics.GetFlowAsync(tableId, year, cancellationToken), cancellationToken);
                await MeasureAsync(output, size, "stuck (top 20)", () => analytics.GetStuckAsync(tableId, 20, cancellationToken), cancellationToken);
                await MeasureAsync(output, size, "assignments per week (1 year)", () => analytics.GetAssignmentsAsync(tableId, year, AssignmentPeriodUnit.Week, cancellationToken), cancellationToken);
                await MeasureAsync(output, size, "activity feed, first page (50)", () => store.QueryActivityAsync(new ActivityQuery(BaseId, TableId: tableId), cancellationToken), cancellationToken);
                await MeasureAsync(output, size, "activity feed, status changes of one person", () => store.QueryActivityAsync(
                    new ActivityQuery(BaseId, TableId: tableId, Actor: "usrBench000007", Kind: RevisionEventKind.Status), cancellationToken), cancellationToken);
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

    // Server time of the second call, and the managed heap's peak above where it started (sampled every 5 ms).
    private static async Task MeasureAsync<T>(TextWriter output, int size, string name, Func<Task<T>> query, CancellationToken cancellationToken)
    {
        await query();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(5, CancellationToken.None);
            }
        }, CancellationToken.None);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var elapsed = Stopwatch.StartNew();
        var result = await query();
        elapsed.Stop();
        await sampling.CancelAsync();
        await sampler;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{size,9:N0} records  {name,-40} {elapsed.Elapsed.TotalMilliseconds,8:F0} ms  heap peak +{(peak - baseline) / 1048576.0,6:F1} MB  allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0,7:F0} MB  {Summary(result)}"));
    }

    private static string Summary(object? result) => result switch
    {
        StatusDurationsReport r => $"{r.Statuses.Count} statuses, {r.Statuses.Sum(s => s.TimeInStatus.Count):N0} visits",
        CycleTimeReport r => $"{r.CycleTime.Count:N0} cycles, median {r.CycleTime.MedianSeconds / 86_400:F1} d",
        FlowReport r => $"{r.Days.Count} days × {r.Statuses.Count} statuses",
        StuckReport r => $"{r.Total:N0} stuck",
        AssignmentReport r => $"{r.Rows.Count:N0} person × record × status rows, {r.Periods.Count:N0} period rows",
        ActivityPage r => $"{r.Items.Count} events, {(r.NextCursor is null ? "last page" : "more")}",
        null => "no table",
        _ => "",
    };

    private static TableSchema Table(string id, string name) => new(id, name, "fldName", null,
    [
        new FieldSchema("fldName", "Name", "singleLineText", null, null),
        new FieldSchema("fldStatus", "Status", "singleSelect", null, JsonSerializer.Serialize(new
        {
            choices = Statuses.Select((s, i) => new { id = ChoiceId(i), name = s, color = "blueLight2" }),
        })),
        new FieldSchema("fldAssignee", "Assignee", "singleCollaborator", null, null),
    ], []);

    private static string ChoiceId(int index) => $"selBenchStatus{index:D3}";

    // Deterministic (seeded per record) so two runs measure the same data. Record i is created somewhere in the past
    // year; its 10 changes fall between its creation and now, in order; its cells end as its last events left them.
    private static async Task GenerateAsync(SqliteSyncStore store, string tableId, int firstIndex, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = now.AddDays(-365);
        var recordBatch = new List<RecordData>(Batch);
        var eventBatch = new List<RevisionEvent>(Batch * EventsPerRecord);
        for (var n = 0; n < count; n++)
        {
            var index = firstIndex + n;
            var random = new Random(index);
            var recordId = $"rec{index:D14}";
            var created = start.AddSeconds(random.NextDouble() * 360 * 86_400);
            var span = (now - created).TotalSeconds;
            var at = created;
            var status = 0;
            var person = random.Next(People.Length);
            for (var k = 0; k < EventsPerRecord; k++)
            {
                at = at.AddSeconds(random.NextDouble() * span / (EventsPerRecord + 1));
                var isStatus = k % 3 != 2 || k == EventsPerRecord - 1;
                string old, next;
                if (isStatus)
                {
                    var moved = (status + 1 + random.Next(Statuses.Length - 1)) % Statuses.Length;
                    (old, next, status) = (Statuses[status], Statuses[moved], moved);
                }
                else
                {
                    var moved = (person + 1 + random.Next(People.Length - 1)) % People.Length;
                    (old, next, person) = (People[person], People[moved], moved);
                }
                eventBatch.Add(new RevisionEvent
                {
                    RecordId = recordId,
                    BaseId = BaseId,
                    TableId = tableId,
                    ActivityId = $"act{index:D10}{k:D2}",
                    FieldId = isStatus ? "fldStatus" : "fldAssignee",
                    FieldName = isStatus ? "Status" : "Assignee",
                    ColumnType = isStatus ? "select" : "collaborator",
                    Kind = isStatus ? RevisionEventKind.Status : RevisionEventKind.Assignee,
                    ChangeKind = ChangeKind.Diff,
                    OldValues = [old],
                    NewValues = [next],
                    ChangedAt = at,
                    ActorId = $"usrBench{random.Next(People.Length):D6}",
                    ActorName = People[random.Next(People.Length)],
                });
            }
            recordBatch.Add(new RecordData(recordId, created, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["fldName"] = $"Task {index}",
                ["fldStatus"] = Statuses[status],
                ["fldAssignee"] = new { id = $"usrPerson{person:D6}", email = $"person{person}@example.com", name = People[person] },
            })));
            if (recordBatch.Count == Batch || n == count - 1)
            {
                await store.UpsertRecordsAsync(BaseId, tableId, recordBatch, now, cancellationToken);
                await store.UpsertRevisionEventsAsync(eventBatch, cancellationToken);
                recordBatch.Clear();
                eventBatch.Clear();
            }
        }
    }

    private static string CpuModel()
    {
        const string info = "/proc/cpuinfo";
        var model = File.Exists(info) ? File.ReadLines(info).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return model?.Split(':', 2)[1].Trim() ?? "CPU model unknown";
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    // "Now" fixed at the data's own now, so ongoing visits end where the data does.
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
