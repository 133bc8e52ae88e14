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
    private List<(StatusRef Status, PercentileSketch Sketch, int[] Members)>? _statuses;
    private PercentileSketch?[] _byIndex = [];

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

    // Between the passes: the names are resolved (renames known), so each status's sketch is its names' together.
    public void Plan()
    {
        var refs = names.Resolve();
        _statuses = [];
        _byIndex = new PercentileSketch?[refs.Length];
        foreach (var status in names.Ordered(refs))
        {
            var members = Enumerable.Range(0, refs.Length).Where(i => refs[i] == status).ToArray();
            var sketch = new PercentileSketch();
            foreach (var i in members)
            {
                sketch.Merge(_sketches[i]);
                _byIndex[i] = sketch;
            }
            sketch.Plan(50, 75, 90);
            _statuses.Add((status, sketch, members));
        }
    }

    public void Keep(List<Segment> segments)
    {
        foreach (var segment in segments)
        {
            if (segment.Key is { } key && Overlap(segment) is > 0 and var overlap && names.IndexOf(key) is var index && index < _byIndex.Length)
            {
                _byIndex[index]?.Keep(overlap);
            }
        }
    }

    public List<StatusDurationRow> Rows() =>
        [.. (_statuses ?? throw new InvalidOperationException("Plan first.")).Select(s => new StatusDurationRow(s.Status,
            s.Members.Sum(i => _counts[i][2]), s.Members.Sum(i => _counts[i][0]), s.Members.Sum(i => _counts[i][1]), s.Sketch.Summarize()))];

    private long Overlap(Segment segment) => Math.Min(segment.EndMs, toMs) - Math.Max(segment.StartMs, fromMs);
}
