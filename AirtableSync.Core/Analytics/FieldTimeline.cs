namespace AirtableSync.Analytics;

/// <summary>
/// One stretch of time a record's field kept one value: [<see cref="StartMs"/>, <see cref="EndMs"/>) in Unix milliseconds.
/// <see cref="Ongoing"/>: the record is live and still holds the value (the stretch ends "now").
/// </summary>
internal readonly record struct Segment(long StartMs, long EndMs, string? Key, bool Ongoing)
{
    public long LengthMs => EndMs - StartMs;
}

// A record's value of one field over its life, rebuilt from its changes (docs/analytics.md, "Timeline"):
// - the value at creation is the first change's old value, or the current cell when there is no change;
// - each change starts a new stretch at its instant; the last stretch ends at the deletion for a deleted record (its
//   history is kept), and changes after the deletion (or before creation) are clamped to it;
// - a live record's timeline is built open-ended and then cut at now: stretches that begin at or after now are not there
//   yet, the one holding now ends there and is the ongoing one (VisitCodec stores the open-ended timeline and cuts it the
//   same way when read);
// - changes at the same instant are put in the order that makes a chain (each old value the previous new value), not
//   by id: Airtable's instants have millisecond precision, and an edit and its correction can share one;
// - the result does not depend on the order changes were stored in: they are sorted by (instant, activity id) first;
// - stretches of no length vanish and neighbours with the same value merge, so a value re-entered after another one is
//   a separate visit, but A→B→A within one instant is one visit of A.
internal static class FieldTimeline
{
    public static void Build(RecordHistory history, long nowMs, List<Segment> into)
    {
        BuildOpen(history, into);
        if (history.Record.DeletedAt is null)
        {
            CutAt(into, nowMs);
        }
    }

    private static void CutAt(List<Segment> segments, long nowMs)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].StartMs >= nowMs)
            {
                segments.RemoveRange(i, segments.Count - i);
                return;
            }
            if (segments[i].EndMs > nowMs)
            {
                segments[i] = segments[i] with { EndMs = nowMs, Ongoing = true };
                segments.RemoveRange(i + 1, segments.Count - i - 1);
                return;
            }
        }
    }

    private static void BuildOpen(RecordHistory history, List<Segment> into)
    {
        into.Clear();
        var record = history.Record;
        var startMs = record.CreatedTime.ToUnixTimeMilliseconds();
        var endMs = record.DeletedAt?.ToUnixTimeMilliseconds() ?? VisitCodec.OpenEnd;
        var ongoing = record.DeletedAt is null;
        if (endMs <= startMs)
        {
            return;
        }
        var chain = Chain(history.Changes);
        var value = chain.Count > 0 ? ValueKeys.OfValues(chain[0].OldValues) : ValueKeys.OfCell(record.CellJson);
        var from = startMs;
        foreach (var change in chain)
        {
            var at = Math.Clamp(change.ChangedAt.ToUnixTimeMilliseconds(), startMs, endMs);
            Add(into, new Segment(from, at, value, false));
            from = at;
            value = ValueKeys.OfValues(change.NewValues);
        }
        Add(into, new Segment(from, endMs, value, ongoing));
    }

    private static void Add(List<Segment> into, Segment segment)
    {
        if (segment.LengthMs <= 0)
        {
            if (segment.Ongoing && into.Count > 0 && into[^1].Key == segment.Key)
            {
                into[^1] = into[^1] with { Ongoing = true };
            }
            return;
        }
        if (into.Count > 0 && string.Equals(into[^1].Key, segment.Key, StringComparison.Ordinal))
        {
            into[^1] = into[^1] with { EndMs = segment.EndMs, Ongoing = segment.Ongoing };
            return;
        }
        into.Add(segment);
    }

    // Sorted by instant; within one instant, greedily: the change whose old value is the value so far, else one whose
    // old value no other change of that instant produces (the start of the chain), else the first by activity id.
    internal static List<FieldChange> Chain(IReadOnlyList<FieldChange> changes)
    {
        var sorted = changes.OrderBy(c => c.ChangedAt).ThenBy(c => c.ActivityId, StringComparer.Ordinal).ToList();
        var result = new List<FieldChange>(sorted.Count);
        string? current = null;
        var known = false;
        var i = 0;
        while (i < sorted.Count)
        {
            var j = i + 1;
            while (j < sorted.Count && sorted[j].ChangedAt == sorted[i].ChangedAt)
            {
                j++;
            }
            if (j - i == 1)
            {
                result.Add(sorted[i]);
            }
            else
            {
                var remaining = sorted.GetRange(i, j - i);
                while (remaining.Count > 0)
                {
                    var next = known ? remaining.FindIndex(c => ValueKeys.OfValues(c.OldValues) == current) : -1;
                    if (next < 0)
                    {
                        next = remaining.FindIndex(c => !remaining.Any(o => !ReferenceEquals(o, c) && ValueKeys.OfValues(o.NewValues) == ValueKeys.OfValues(c.OldValues)));
                    }
                    if (next < 0)
                    {
                        next = 0;
                    }
                    result.Add(remaining[next]);
                    current = ValueKeys.OfValues(remaining[next].NewValues);
                    known = true;
                    remaining.RemoveAt(next);
                }
            }
            current = ValueKeys.OfValues(result[^1].NewValues);
            known = true;
            i = j;
        }
        return result;
    }
}
