using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AirtableSync.Storage;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Analytics;

/// <summary>
/// One field's timeline for every record of a table, in record id order (docs/analytics.md, "Timeline" and "Scale").
/// With a store that keeps materialized timelines (<see cref="IFieldVisitStore"/>, SQLite), the first report of a table
/// and field builds them from the events once; later reports first apply the records the store listed as changed since,
/// then read one small row per record. Other stores rebuild every timeline from the events on each report.
/// </summary>
public sealed class FieldTimelines(IRecordStore records, IRevisionStore revisions, IFieldVisitStore? visits, TimeProvider time, ILogger<FieldTimelines> logger)
{
    private const int SaveBatch = 2_000;
    private const int WorkBatch = 1_000;
    private readonly ConcurrentDictionary<(string Table, string Field), SemaphoreSlim> _refreshing = new();

    /// <summary>Whether timelines are materialized (otherwise each report rebuilds them from the events).</summary>
    public bool Materialized => visits is not null;

    internal async IAsyncEnumerable<RecordTimeline> ReadAsync(StoredTable table, string fieldId, long nowMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var scan = await OpenAsync(table, fieldId, nowMs, cancellationToken);
        await foreach (var timeline in scan.ReadAsync(cancellationToken))
        {
            yield return timeline;
        }
    }

    /// <summary>
    /// The timelines brought up to date and held at one instant of the store, to be read once or more: every read of a
    /// materialized scan sees the same rows (reports with percentiles read twice). Without materialized timelines each
    /// read rebuilds them from the events, so a write between two reads can show in the second.
    /// </summary>
    internal async Task<TimelineScan> OpenAsync(StoredTable table, string fieldId, long nowMs, CancellationToken cancellationToken)
    {
        if (visits is null)
        {
            return new TimelineScan(nowMs, null, () => Histories(table, fieldId, cancellationToken));
        }
        await RefreshAsync(visits, table, fieldId, cancellationToken);
        return new TimelineScan(nowMs, await visits.OpenFieldVisitsAsync(table.Id, fieldId, cancellationToken), null);
    }

    private async Task RefreshAsync(IFieldVisitStore store, StoredTable table, string fieldId, CancellationToken cancellationToken)
    {
        var gate = _refreshing.GetOrAdd((table.Id, fieldId), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Incomplete: never built, or a build that stopped half way (cancelled, crashed); its rows cannot be trusted.
            if (await store.GetFieldVisitStateAsync(table.Id, fieldId, cancellationToken) is { Complete: true } state)
            {
                await ApplyChangesAsync(store, table, fieldId, state.ProcessedSeq, cancellationToken);
                return;
            }
            await BuildAsync(store, table, fieldId, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task BuildAsync(IFieldVisitStore store, StoredTable table, string fieldId, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var seq = await store.StartFieldVisitsAsync(table.Id, fieldId, cancellationToken);
        var numbers = new KeyNumbers([]);
        var rows = new List<FieldVisitRow>(SaveBatch);
        var segments = new List<Segment>();
        var count = 0;
        await foreach (var history in Histories(table, fieldId, cancellationToken))
        {
            rows.Add(Encode(history, numbers, segments));
            count++;
            if (rows.Count == SaveBatch)
            {
                await store.SaveFieldVisitsAsync(table.Id, fieldId, numbers.Batch(rows, []), cancellationToken);
                rows.Clear();
            }
        }
        await store.SaveFieldVisitsAsync(table.Id, fieldId, numbers.Batch(rows, []) with
        {
            ProcessedSeq = seq,
            Complete = true,
            BuiltAt = time.GetUtcNow(),
        }, cancellationToken);
        logger.LogInformation("Built the timelines of field {FieldId} in table {TableId}: {Records} records in {Elapsed} ms",
            fieldId, table.Id, count, (long)time.GetElapsedTime(started).TotalMilliseconds);
        // Changes written while the build read the table were listed after seq.
        await ApplyChangesAsync(store, table, fieldId, seq, cancellationToken);
    }

    // The records listed since the timeline was last brought up to date, a batch at a time, each batch saved with how far
    // it got, so a stop half way resumes where it stopped.
    private static async Task ApplyChangesAsync(IFieldVisitStore store, StoredTable table, string fieldId, long afterSeq, CancellationToken cancellationToken)
    {
        KeyNumbers? numbers = null;
        var segments = new List<Segment>();
        while (true)
        {
            var work = await store.ListFieldVisitWorkAsync(table.Id, afterSeq, WorkBatch, cancellationToken);
            if (work.RecordIds.Count == 0)
            {
                return;
            }
            numbers ??= new KeyNumbers(await ListKeysAsync(store, table.Id, fieldId, cancellationToken));
            var ids = work.RecordIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var rows = new List<FieldVisitRow>(ids.Count);
            var histories = RecordHistories.JoinAsync(store.StreamFieldCellsAsync(table.BaseId, table.Id, fieldId, ids, cancellationToken),
                store.StreamFieldChangesAsync(table.Id, fieldId, ids, cancellationToken), cancellationToken);
            await foreach (var history in histories)
            {
                rows.Add(Encode(history, numbers, segments));
            }
            var kept = rows.Select(r => r.RecordId).ToHashSet(StringComparer.Ordinal);
            await store.SaveFieldVisitsAsync(table.Id, fieldId, numbers.Batch(rows, [.. ids.Where(id => !kept.Contains(id))]) with
            {
                ProcessedSeq = work.LastSeq,
            }, cancellationToken);
            afterSeq = work.LastSeq;
        }
    }

    private static async Task<IReadOnlyList<string>> ListKeysAsync(IFieldVisitStore store, string tableId, string fieldId, CancellationToken cancellationToken)
    {
        await using var snapshot = await store.OpenFieldVisitsAsync(tableId, fieldId, cancellationToken);
        return snapshot.Keys;
    }

    private static FieldVisitRow Encode(RecordHistory history, KeyNumbers numbers, List<Segment> segments)
    {
        FieldTimeline.Build(history, VisitCodec.OpenEnd, segments);
        var hasChanges = history.Changes.Count > 0;
        var data = VisitCodec.Encode(segments, history.Record.DeletedAt is null, hasChanges,
            hasChanges ? ValueKeys.OfCell(history.Record.CellJson) : null, numbers.Of);
        return new FieldVisitRow(history.Record.RecordId, data);
    }

    private IAsyncEnumerable<RecordHistory> Histories(StoredTable table, string fieldId, CancellationToken cancellationToken) =>
        RecordHistories.JoinAsync(records.StreamFieldCellsAsync(table.BaseId, table.Id, fieldId, cancellationToken),
            revisions.StreamFieldChangesAsync(table.Id, fieldId, cancellationToken), cancellationToken);

    // The timeline's value numbering: the stored values, then those first met since the last save.
    private sealed class KeyNumbers
    {
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
        private readonly List<string> _new = [];
        private int _count;

        public KeyNumbers(IReadOnlyList<string> stored)
        {
            foreach (var key in stored)
            {
                _numbers[key] = _count++;
            }
        }

        public int Of(string key)
        {
            if (!_numbers.TryGetValue(key, out var number))
            {
                number = _numbers[key] = _count++;
                _new.Add(key);
            }
            return number;
        }

        public FieldVisitBatch Batch(IReadOnlyList<FieldVisitRow> rows, IReadOnlyList<string> removed)
        {
            var batch = new FieldVisitBatch([.. rows], removed, _count - _new.Count, [.. _new]);
            _new.Clear();
            return batch;
        }
    }
}

internal sealed class TimelineScan(long nowMs, FieldVisitSnapshot? snapshot, Func<IAsyncEnumerable<RecordHistory>>? histories) : IAsyncDisposable
{
    public async IAsyncEnumerable<RecordTimeline> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var timeline = new RecordTimeline();
        if (snapshot is null)
        {
            await foreach (var history in histories!().WithCancellation(cancellationToken))
            {
                FieldTimeline.Build(history, nowMs, timeline.Segments);
                timeline.RecordId = history.Record.RecordId;
                timeline.HasChanges = history.Changes.Count > 0;
                timeline.CellKey = timeline.HasChanges ? ValueKeys.OfCell(history.Record.CellJson) : null;
                yield return timeline;
            }
            yield break;
        }
        await foreach (var row in snapshot.ReadRowsAsync(cancellationToken))
        {
            var decoded = VisitCodec.Decode(row.Data, snapshot.Keys, nowMs, timeline.Segments);
            timeline.RecordId = row.RecordId;
            timeline.HasChanges = decoded.HasChanges;
            timeline.CellKey = decoded.CellKey;
            yield return timeline;
        }
    }

    /// <summary>Each record's timeline handed to <paramref name="visit"/> (the same instance refilled), in record id order.</summary>
    public async Task ForEachAsync(Action<RecordTimeline> visit, CancellationToken cancellationToken)
    {
        if (snapshot is null)
        {
            await foreach (var timeline in ReadAsync(cancellationToken))
            {
                visit(timeline);
            }
            return;
        }
        var current = new RecordTimeline();
        snapshot.ReadRows((recordId, data) =>
        {
            var decoded = VisitCodec.Decode(data, snapshot.Keys, nowMs, current.Segments);
            current.RecordId = recordId;
            current.HasChanges = decoded.HasChanges;
            current.CellKey = decoded.CellKey;
            visit(current);
        }, cancellationToken);
    }

    public ValueTask DisposeAsync() => snapshot?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>One record's timeline of one field as a report reads it; the same instance is refilled for each record.</summary>
internal sealed class RecordTimeline
{
    public string RecordId { get; set; } = "";

    public List<Segment> Segments { get; } = [];

    /// <summary>Whether the record has changes of the field (only then does its cell say anything about renamed values).</summary>
    public bool HasChanges { get; set; }

    /// <summary>The current cell's value key, when <see cref="HasChanges"/>.</summary>
    public string? CellKey { get; set; }
}
