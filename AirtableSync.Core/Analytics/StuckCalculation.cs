namespace AirtableSync.Analytics;

// Stuck records (docs/analytics.md, "Stuck"): a status's p90 is the nearest-rank 90th percentile of the full length of
// all its visits ever (ongoing ones up to now, deleted records' included); a live record is stuck when its ongoing
// visit is longer than that. Only the `limit` longest ongoing visits per name are kept while reading, which is enough:
// the longest stuck records overall are among the longest of their status.
internal sealed class StuckCalculation(StatusNames names, long nowMs, int limit)
{
    private readonly PerStatus<Durations> _all = new(() => new Durations());
    private readonly PerStatus<Durations> _ongoing = new(() => new Durations());
    private readonly PerStatus<List<(long StartMs, string RecordId)>> _longest = new(() => []);

    public void Add(string recordId, List<Segment> segments)
    {
        foreach (var segment in segments)
        {
            if (segment.Key is not { } key)
            {
                continue;
            }
            var index = names.IndexOf(key);
            _all[index].Add(segment.LengthMs);
            if (segment.Ongoing)
            {
                _ongoing[index].Add(segment.LengthMs);
                var longest = _longest[index];
                longest.Add((segment.StartMs, recordId));
                if (longest.Count >= 2 * limit)
                {
                    longest.Sort((a, b) => a.StartMs != b.StartMs ? a.StartMs.CompareTo(b.StartMs) : string.CompareOrdinal(a.RecordId, b.RecordId));
                    longest.RemoveRange(limit, longest.Count - limit);
                }
            }
        }
    }

    public (int Total, List<StuckRecord> Records) Result()
    {
        var refs = names.Resolve();
        var total = 0;
        var stuck = new List<StuckRecord>();
        foreach (var status in names.Ordered(refs))
        {
            var all = new Durations();
            var members = Enumerable.Range(0, refs.Length).Where(i => refs[i] == status).ToList();
            members.ForEach(i => all.AddRange(_all[i]));
            if (all.Percentile(90) is not { } p90)
            {
                continue;
            }
            foreach (var i in members)
            {
                total += CountAbove(_ongoing[i], p90);
                stuck.AddRange(_longest[i].Where(v => nowMs - v.StartMs > p90).Select(v => new StuckRecord(
                    v.RecordId, status, DateTimeOffset.FromUnixTimeMilliseconds(v.StartMs), Durations.Seconds(nowMs - v.StartMs), Durations.Seconds(p90))));
            }
        }
        return (total, [.. stuck.OrderByDescending(s => s.Seconds).ThenBy(s => s.RecordId, StringComparer.Ordinal).Take(limit)]);
    }

    private static int CountAbove(Durations lengths, long threshold)
    {
        var count = 0;
        for (var p = 0; p < lengths.Count; p++)
        {
            if (lengths.At(p) > threshold)
            {
                count++;
            }
        }
        return count;
    }
}
