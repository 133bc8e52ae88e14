using System.Text.Json;
using AirtableSync.Analytics;
using AirtableSync.Storage;
using AirtableSync.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace AirtableSync.Tests.Analytics;

/// <summary>
/// The materialized timelines (SQLite's field_visits) answer exactly what rebuilding every timeline from the events
/// answers: after the first build, after writes of every kind, as time passes, and after a build that stopped half way.
/// </summary>
public sealed class FieldTimelinesTests(TemporaryDirectory directory) : IClassFixture<TemporaryDirectory>
{
    private static readonly DateTimeOffset T = AnalyticsTable.T;
    private static readonly DateTimeOffset Now = T.AddDays(30);
    private static readonly string[] Statuses = ["Todo", "Doing", "Done", "Archived"];
    private static readonly string[] People = ["Ada", "Grace", "Linus"];

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task MaterializedReportsEqualRebuiltOnesAfterWritesOfEveryKindAndAsTimePasses()
    {
        await using var table = await AnalyticsTable.CreateAsync(directory.Path, Now);
        var random = new Random(16);
        await table.SaveAsync(Histories(table, random, 0, 600, deleted: 20));
        var first = await AssertSameAsync(table);

        // Nothing written, a day later: ongoing visits are longer, nothing else is read again.
        table.Clock.Advance(TimeSpan.FromDays(1));
        var later = await AssertSameAsync(table);
        Assert.NotEqual(first, later);

        // New records between the old ones (odd ids) and before them, new events for old records, changed cells,
        // deletions, and an event rewritten in place.
        var events = Histories(table, random, 1, 40, deleted: 0, step: 15).ToList();
        events.Add(table.StatusChange("rec00000000004", T.AddDays(25), "Todo", "Done"));
        events.Add(table.AssigneeChange("rec00000000006", T.AddDays(26), ["Ada"], ["Grace", "Linus"]));
        table.Record("rec00000000008", T.AddDays(1), "Archived", ["Linus"]);
        table.Record("rec00000000010", T.AddDays(2), "Done", null, deletedAt: T.AddDays(27));
        table.Record("rec0", T.AddDays(3), "Doing", ["Ada"]);
        await table.SaveAsync([.. events]);
        var firstEvent = events[0] with { ChangedAt = events[0].ChangedAt.AddHours(1), NewValues = ["Done"] };
        await table.SaveAsync(firstEvent);
        await AssertSameAsync(table);

        Assert.Equal(0, await CountAsync(table, "SELECT count(*) FROM analytics_dirty"));
    }

    [Fact]
    public async Task ABuildThatStoppedHalfWayIsRebuiltNotTrusted()
    {
        await using var table = await AnalyticsTable.CreateAsync(directory.Path, Now);
        await table.SaveAsync(Histories(table, new Random(7), 0, 50, deleted: 5, step: 1));
        var visits = (IFieldVisitStore)table.Store;
        // A crash after the first batch: a started state and a row that does not match the events.
        await visits.StartFieldVisitsAsync(AnalyticsTable.TableId, AnalyticsTable.Status, Ct);
        var bogus = new List<Segment> { new(T.ToUnixTimeMilliseconds(), T.AddDays(1).ToUnixTimeMilliseconds(), "Done", false) };
        await visits.SaveFieldVisitsAsync(AnalyticsTable.TableId, AnalyticsTable.Status,
            new FieldVisitBatch([new FieldVisitRow("rec00000000001", VisitChunk.Encode([("rec00000000001", VisitCodec.Encode(bogus, false, false, null, _ => 0))]))], [], 0, ["Done"]), Ct);

        await AssertSameAsync(table);

        var state = await visits.GetFieldVisitStateAsync(AnalyticsTable.TableId, AnalyticsTable.Status, Ct);
        Assert.NotNull(state);
        Assert.True(state.Complete);
        Assert.Equal(Now, state.BuiltAt);
    }

    [Fact]
    public async Task TablesNobodyAnalysedListNoWorkAndAnalysedOnesListEachChangedRecordOnce()
    {
        await using var table = await AnalyticsTable.CreateAsync(directory.Path, Now);
        await table.SaveAsync(Histories(table, new Random(3), 0, 30, deleted: 0, step: 1));
        Assert.Equal(0, await CountAsync(table, "SELECT count(*) FROM analytics_dirty"));

        await table.Analytics.GetFlowAsync(AnalyticsTable.TableId, new AnalyticsPeriod(T, Now), Ct);
        table.Record("rec00000000001", T, "Done");
        await table.SaveAsync(table.StatusChange("rec00000000001", T.AddDays(3), "Todo", "Done"), table.StatusChange("rec00000000002", T.AddDays(3), "Todo", "Done"));

        Assert.Equal(2, await CountAsync(table, "SELECT count(*) FROM analytics_dirty"));
        await AssertSameAsync(table);
        Assert.Equal(0, await CountAsync(table, "SELECT count(*) FROM analytics_dirty"));
    }

    [Fact]
    public void ATimelineKeepsItsStretchesAndIsCutAtNowWhenRead()
    {
        string[] keys = ["Todo", "Doing"];
        var start = new DateTimeOffset(1969, 12, 31, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var segments = new List<Segment> { new(start, start + 1_000, "Todo", false), new(start + 1_000, start + 5_000, null, false), new(start + 5_000, VisitCodec.OpenEnd, "Doing", true) };
        var data = VisitCodec.Encode(segments, live: true, hasChanges: true, "Doing", k => Array.IndexOf(keys, k));
        var read = new List<Segment>();

        var decoded = VisitCodec.Decode(data, keys, start + 9_000, read);
        Assert.Equal(new DecodedTimeline(true, "Doing"), decoded);
        Assert.Equal([segments[0], segments[1], new Segment(start + 5_000, start + 9_000, "Doing", true)], read);

        // Read at an instant inside the second stretch: the first two are what was known then, the second ongoing.
        VisitCodec.Decode(data, keys, start + 3_000, read);
        Assert.Equal([segments[0], new Segment(start + 1_000, start + 3_000, null, true)], read);

        // A deleted record's timeline ends at its deletion whenever it is read.
        var deleted = VisitCodec.Encode(segments[..2], live: false, hasChanges: false, null, k => Array.IndexOf(keys, k));
        VisitCodec.Decode(deleted, keys, start + 3_000, read);
        Assert.Equal(segments[..2], read);
    }

    [Fact]
    public void ChangedRecordsGoToTheRowThatHoldsThemAndRowsSplitEmptyAndMoveTheirKey()
    {
        static byte[] Timeline(int n) => [(byte)n];
        static FieldVisitRow Row(params int[] records) =>
            new($"rec{records[0]:D4}", VisitChunk.Encode([.. records.Select(r => ($"rec{r:D4}", Timeline(r)))]));
        static string[] Ids(FieldVisitRow row) => [.. VisitChunk.Decode(row.Data).Select(e => e.RecordId)];
        var big = Enumerable.Range(2000, 2 * VisitChunk.Target).ToArray();
        FieldVisitRow[] holders = [Row(10, 20, 30), Row(100, 200), Row(big)];
        // 5 comes before every key (first row, new key); 100 and 200 are gone (their row is removed); 2999 makes the big row split.
        List<string> ids = ["rec0005", "rec0020", "rec0100", "rec0200", "rec2999"];
        var rebuilt = new Dictionary<string, byte[]> { ["rec0005"] = Timeline(5), ["rec0020"] = Timeline(21), ["rec2999"] = Timeline(99) };

        var (rows, removed) = FieldTimelines.Merge(holders, ids, rebuilt);

        Assert.Equal(["rec0010", "rec0100"], removed.Order(StringComparer.Ordinal));
        Assert.Equal(["rec0005", "rec2000", $"rec{2000 + VisitChunk.Target}", "rec2999"], rows.Select(r => r.FirstRecordId));
        Assert.Equal(["rec0005", "rec0010", "rec0020", "rec0030"], Ids(rows[0]));
        Assert.Equal([21], VisitChunk.Decode(rows[0].Data)[2].Timeline);
        Assert.Equal(2 * VisitChunk.Target + 1, rows.Skip(1).Sum(r => Ids(r).Length));
        Assert.Equal("rec2999", Ids(rows[^1]).Single());
    }

    // Every report both ways, compared as JSON; returns the status durations' JSON.
    private static async Task<string> AssertSameAsync(AnalyticsTable table)
    {
        var period = new AnalyticsPeriod(T.AddDays(-5), Now.AddDays(5));
        var answers = new List<string>();
        foreach (var analytics in new[] { table.Analytics, table.Streaming })
        {
            answers.Add(string.Join("\n",
                JsonSerializer.Serialize(await analytics.GetStatusDurationsAsync(AnalyticsTable.TableId, period, Ct)),
                JsonSerializer.Serialize(await analytics.GetCycleTimeAsync(AnalyticsTable.TableId, "Todo", "Done", period, Ct)),
                JsonSerializer.Serialize(await analytics.GetFlowAsync(AnalyticsTable.TableId, period, Ct)),
                JsonSerializer.Serialize(await analytics.GetStuckAsync(AnalyticsTable.TableId, 50, Ct)),
                JsonSerializer.Serialize(await analytics.GetAssignmentsAsync(AnalyticsTable.TableId, period, AssignmentPeriodUnit.Week, Ct))));
        }
        Assert.Equal(answers[1], answers[0]);
        Assert.Contains("\"Seconds\"", answers[0], StringComparison.Ordinal);
        return answers[0].Split('\n')[0];
    }

    // Records created over 20 days with up to 6 status and 3 assignee changes each: some at one instant (a chain), some
    // before the creation (clamped), a removed status ("Archived"), events saved in shuffled order.
    private static RevisionEvent[] Histories(AnalyticsTable table, Random random, int first, int count, int deleted, int step = 2)
    {
        var events = new List<RevisionEvent>();
        for (var n = 0; n < count; n++)
        {
            var i = first + n * step;
            var id = $"rec{i:D11}";
            var created = T.AddMinutes(random.Next(20 * 24 * 60));
            var status = Statuses[random.Next(3)];
            var at = created.AddMinutes(random.Next(-30, 30));
            for (var k = random.Next(7); k > 0; k--)
            {
                var next = Statuses[random.Next(Statuses.Length)];
                at = random.Next(5) == 0 ? at : at.AddMinutes(random.Next(1, 3 * 24 * 60));
                events.Add(table.StatusChange(id, at, status, next));
                status = next;
            }
            string[] people = [People[random.Next(People.Length)]];
            var heldAt = created;
            for (var k = random.Next(4); k > 0; k--)
            {
                string[] next = random.Next(3) == 0 ? [.. People.Take(2)] : [People[random.Next(People.Length)]];
                heldAt = heldAt.AddHours(random.Next(1, 96));
                events.Add(table.AssigneeChange(id, heldAt, people, next));
                people = next;
            }
            table.Record(id, created, status == "Archived" ? null : status, people, deletedAt: n < deleted ? T.AddDays(22) : null);
        }
        return [.. events.OrderBy(_ => random.Next())];
    }

    private static async Task<long> CountAsync(AnalyticsTable table, string sql)
    {
        var path = ((AirtableSync.Storage.Sqlite.SqliteSyncStore)table.Store).DatabasePath;
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
