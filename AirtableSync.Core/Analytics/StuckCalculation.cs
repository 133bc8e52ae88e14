namespace AirtableSync.Analytics;

// Stuck records (docs/analytics.md, "Stuck"): a status's p90 is the nearest-rank 90th percentile of the full length of
// all its visits ever (ongoing ones up to now, deleted records' included); a live record is stuck when its ongoing
// visit is longer than that. Two passes over the same timelines (PercentileSketch): pass 1 counts the lengths; pass 2
// finds the p90 and meanwhile sorts ongoing visits into surely above it (counted), in its bucket (kept until the p90
// is known) and below. Only the `limit` longest candidates per name are kept, which is enough: the longest stuck
// records overall are among the longest of their status.
internal sealed class StuckCalculation(StatusNames names, long nowMs, int limit)
{
    private readonly PerStatus<PercentileSketch> _sketches = new(() => new PercentileSketch());
    private readonly PerStatus<List<(long StartMs, string RecordId)>> _longest = new(() => []);
    private readonly PerStatus<List<long>> _undecided = new(() => []);
    private readonly PerStatus<int[]> _above = new(() => new int[1]);
    private StatusSketches? _planned;

    public void Add(string recordId, List<Segment> segments)
    {
        foreach (var segment in segments)
        {
            if (segment.Key is { } key)
            {
                _sketches[names.IndexOf(key)].Add(segment.LengthMs);
            }
        }
    }

    public void Plan() => _planned = new StatusSketches(names, _sketches, 90);

    public void Keep(string recordId, List<Segment> segments)
    {
        foreach (var segment in segments)
        {
            var index = segment.Key is { } key ? names.IndexOf(key) : -1;
            if (index < 0 || _planned?.Of(index) is not { } sketch)
            {
                continue;
            }
            sketch.Keep(segment.LengthMs);
            if (!segment.Ongoing || sketch.Locate(segment.LengthMs, 90) is var place && place < 0)
            {
                continue;
            }
            if (place > 0)
            {
                _above[index][0]++;
            }
            else
            {
                _undecided[index].Add(segment.LengthMs);
            }
            var longest = _longest[index];
            longest.Add((segment.StartMs, recordId));
            if (longest.Count >= 2 * limit)
            {
                longest.Sort((a, b) => a.StartMs != b.StartMs ? a.StartMs.CompareTo(b.StartMs) : string.CompareOrdinal(a.RecordId, b.RecordId));
                longest.RemoveRange(limit, longest.Count - limit);
            }
        }
    }

    public (int Total, List<StuckRecord> Records) Result()
    {
        var total = 0;
        var stuck = new List<StuckRecord>();
        foreach (var (status, sketch, members) in (_planned ?? throw new InvalidOperationException("Plan first.")).Statuses)
        {
            if (sketch.Percentile(90) is not { } p90)
            {
                continue;
            }
            foreach (var i in members)
            {
                total += _above[i][0] + _undecided[i].Count(length => length > p90);
                stuck.AddRange(_longest[i].Where(v => nowMs - v.StartMs > p90).Select(v => new StuckRecord(
                    v.RecordId, status, DateTimeOffset.FromUnixTimeMilliseconds(v.StartMs), Durations.Seconds(nowMs - v.StartMs), Durations.Seconds(p90))));
            }
        }
        return (total, [.. stuck.OrderByDescending(s => s.Seconds).ThenBy(s => s.RecordId, StringComparer.Ordinal).Take(limit)]);
    }
}
