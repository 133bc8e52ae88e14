using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AirtableSync.Storage;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Analytics;

/// <summary>
/// One field's timeline for every record of a table, in record id order (docs/analytics.md, "Timeline" and "Scale").
/// With a store that keeps materialized timelines (<see cref="IFieldVisitStore"/>, SQLite), the first report of a table
/// and field builds them from the events once; later reports first apply the records the store listed as changed since,
/// then read a few hundred records' timelines per row. Other stores rebuild every timeline from the events on each report.
/// </summary>
public sealed class FieldTimelines(IRecordStore records, IRevisionStore revisions, IFieldVisitStore? visits, TimeProvider time, ILogger<FieldTimelines> logger)
{
    // Rows (of VisitChunk.Target records) per transaction while building.
    private const int SaveBatch = 16;
    private const int WorkBatch = 1_000;
    private readonly ConcurrentDictionary<(string Table, string Field), SemaphoreSlim> _refreshing = new();

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
        var rows = new List<FieldVisitRow>();
        var chunk = new List<(string RecordId, byte[] Timeline)>(VisitChunk.Target);
        var segments = new List<Segment>();
        var count = 0;
        await foreach (var history in Histories(table, fieldId, cancellationToken))
        {
            chunk.Add(Encode(history, numbers, segments));
            count++;
            if (chunk.Count == VisitChunk.Target)
            {
                rows.Add(new FieldVisitRow(chunk[0].RecordId, VisitChunk.Encode(chunk)));
                chunk.Clear();
                if (rows.Count == SaveBatch)
                {
                    await store.SaveFieldVisitsAsync(table.Id, fieldId, numbers.Batch(rows, []), cancellationToken);
                    rows.Clear();
                }
            }
        }
        if (chunk.Count > 0)
        {
            rows.Add(new FieldVisitRow(chunk[0].RecordId, VisitChunk.Encode(chunk)));
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
            var rebuilt = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var histories = RecordHistories.JoinAsync(store.StreamFieldCellsAsync(table.BaseId, table.Id, fieldId, ids, cancellationToken),
                store.StreamFieldChangesAsync(table.Id, fieldId, ids, cancellationToken), cancellationToken);
            await foreach (var history in histories)
            {
                var (recordId, timeline) = Encode(history, numbers, segments);
                rebuilt[recordId] = timeline;
            }
            var (rows, removed) = Merge(await store.LoadFieldVisitRowsAsync(table.Id, fieldId, ids, cancellationToken), ids, rebuilt);
            await store.SaveFieldVisitsAsync(table.Id, fieldId, numbers.Batch(rows, removed) with
            {
                ProcessedSeq = work.LastSeq,
            }, cancellationToken);
            afterSeq = work.LastSeq;
        }
    }

    // The changed records' new timelines (absent: the record is gone) put into the rows that hold them. Each row is redone
    // on its own, so rows never overlap: its records are replaced, added or dropped; a row left empty is removed, one
    // grown past twice the target is split, and a row whose first record changed is stored under its new key.
    internal static (List<FieldVisitRow> Rows, List<string> Removed) Merge(IReadOnlyList<FieldVisitRow> holders, List<string> ids, Dictionary<string, byte[]> rebuilt)
    {
        var rows = new List<FieldVisitRow>();
        var removed = new List<string>();
        if (holders.Count == 0)
        {
            var all = ids.Where(rebuilt.ContainsKey).Select(id => (id, rebuilt[id])).ToList();
            rows.AddRange(all.Chunk(VisitChunk.Target).Select(c => new FieldVisitRow(c[0].id, VisitChunk.Encode(c))));
            return (rows, removed);
        }
        // Which holder each changed record belongs to: the last key at or before it, else the first holder.
        var keys = holders.Select(h => h.FirstRecordId).ToList();
        var byHolder = ids.GroupBy(id => Math.Max(0, LastAtOrBefore(keys, id))).ToDictionary(g => g.Key, g => g.ToHashSet(StringComparer.Ordinal));
        for (var h = 0; h < holders.Count; h++)
        {
            var entries = VisitChunk.Decode(holders[h].Data);
            var changed = byHolder.GetValueOrDefault(h) ?? [];
            entries.RemoveAll(e => changed.Contains(e.RecordId));
            entries.AddRange(changed.Where(rebuilt.ContainsKey).Select(id => (id, rebuilt[id])));
            entries.Sort((a, b) => string.CompareOrdinal(a.RecordId, b.RecordId));
            removed.Add(holders[h].FirstRecordId);
            var parts = entries.Count > 2 * VisitChunk.Target ? entries.Chunk(VisitChunk.Target).ToList() : entries.Count > 0 ? [[.. entries]] : [];
            foreach (var part in parts)
            {
                rows.Add(new FieldVisitRow(part[0].RecordId, VisitChunk.Encode(part)));
            }
        }
        // A row stored again under the same key is an update, not a removal.
        removed.RemoveAll(key => rows.Any(r => r.FirstRecordId == key));
        return (rows, removed);
    }

    private static int LastAtOrBefore(List<string> sortedKeys, string id)
    {
        int low = 0, high = sortedKeys.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (string.CompareOrdinal(sortedKeys[mid], id) <= 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low - 1;
    }

    private static async Task<IReadOnlyList<string>> ListKeysAsync(IFieldVisitStore store, string tableId, string fieldId, CancellationToken cancellationToken)
    {
        await using var snapshot = await store.OpenFieldVisitsAsync(tableId, fieldId, cancellationToken);
        return snapshot.Keys;
    }

    private static (string RecordId, byte[] Timeline) Encode(RecordHistory history, KeyNumbers numbers, List<Segment> segments)
    {
        FieldTimeline.Build(history, VisitCodec.OpenEnd, segments);
        var hasChanges = history.Changes.Count > 0;
        var data = VisitCodec.Encode(segments, history.Record.DeletedAt is null, hasChanges,
            hasChanges ? ValueKeys.OfCell(history.Record.CellJson) : null, numbers.Of);
        return (history.Record.RecordId, data);
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
            for (var at = 0; at < row.Data.Length;)
            {
                var (recordId, start, length) = VisitChunk.Next(row.Data, ref at);
                Fill(timeline, recordId, row.Data.AsSpan(start, length));
                yield return timeline;
            }
        }
    }

    /// <summary>
    /// Each record's timeline handed to <paramref name="visit"/> (the same instance refilled), in record id order. Without
    /// <paramref name="withIds"/> the record ids of materialized timelines are left empty: a report that only counts saves
    /// a string per record.
    /// </summary>
    public async Task ForEachAsync(Action<RecordTimeline> visit, CancellationToken cancellationToken, bool withIds = true)
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
        snapshot.ReadRows((_, data) =>
        {
            for (var at = 0; at < data.Length;)
            {
                var (recordId, start, length) = VisitChunk.Next(data, ref at, withIds);
                Fill(current, recordId, data.Slice(start, length));
                visit(current);
            }
        }, cancellationToken);
    }

    private void Fill(RecordTimeline timeline, string recordId, ReadOnlySpan<byte> data)
    {
        var decoded = VisitCodec.Decode(data, snapshot!.Keys, nowMs, timeline.Segments);
        timeline.RecordId = recordId;
        timeline.HasChanges = decoded.HasChanges;
        timeline.CellKey = decoded.CellKey;
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
