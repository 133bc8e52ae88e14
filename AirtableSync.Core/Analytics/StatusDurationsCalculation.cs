namespace AirtableSync.Analytics;

// Status durations over [from, to) (docs/analytics.md, "Status durations"). A visit is one stretch of one non-empty
// status. Entered: the visit began in the period (creation in the status counts). Left: it ended in the period, by a
// change or by the record's deletion ("now" ends nothing). Time in status: per visit overlapping the period, the
// overlapping part, an ongoing visit counting up to min(to, now); visits with no overlap are not in the percentiles.
// Records in it now: live records whose current value it is, whatever the period.
// Two passes over the same timelines (PercentileSketch): Add, Plan, Keep, then Rows.
internal sealed class StatusDurationsCalculation(StatusNames names, long fromMs, long toMs)
{
    private readonly PerStatus<PercentileSketch> _sketches = new(() => new PercentileSketch());
    private readonly PerStatus<int[]> _counts = new(() => new int[3]);
    private StatusSketches? _planned;

    public void Add(List<Segment> segments)
    {
        foreach (var segment in segments)
        {
            if (segment.Key is not { } key)
            {
                continue;
            }
            var index = names.IndexOf(key);
            var counts = _counts[index];
            if (segment.StartMs >= fromMs && segment.StartMs < toMs)
            {
                counts[0]++;
            }
            if (!segment.Ongoing && segment.EndMs >= fromMs && segment.EndMs < toMs)
            {
                counts[1]++;
            }
            if (segment.Ongoing)
            {
                counts[2]++;
            }
            if (Overlap(segment) is > 0 and var overlap)
            {
                _sketches[index].Add(overlap);
            }
        }
    }

    public void Plan() => _planned = new StatusSketches(names, _sketches, 50, 75, 90);

    public void Keep(List<Segment> segments)
    {
        foreach (var segment in segments)
        {
            if (segment.Key is { } key && Overlap(segment) is > 0 and var overlap)
            {
                _planned?.Of(names.IndexOf(key))?.Keep(overlap);
            }
        }
    }

    public List<StatusDurationRow> Rows() =>
        [.. (_planned ?? throw new InvalidOperationException("Plan first.")).Statuses.Select(s => new StatusDurationRow(s.Status,
            s.Members.Sum(i => _counts[i][2]), s.Members.Sum(i => _counts[i][0]), s.Members.Sum(i => _counts[i][1]), s.Sketch.Summarize()))];

    private long Overlap(Segment segment) => Math.Min(segment.EndMs, toMs) - Math.Max(segment.StartMs, fromMs);
}
