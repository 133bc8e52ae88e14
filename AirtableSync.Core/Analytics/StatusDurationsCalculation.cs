namespace AirtableSync.Analytics;

// Status durations over [from, to) (docs/analytics.md, "Status durations"). A visit is one stretch of one non-empty
// status. Entered: the visit began in the period (creation in the status counts). Left: it ended in the period, by a
// change or by the record's deletion ("now" ends nothing). Time in status: per visit overlapping the period, the
// overlapping part, an ongoing visit counting up to min(to, now); visits with no overlap are not in the percentiles.
// Records in it now: live records whose current value it is, whatever the period.
internal sealed class StatusDurationsCalculation(StatusNames names, long fromMs, long toMs)
{
    private readonly PerStatus<Durations> _durations = new(() => new Durations());
    private readonly PerStatus<int[]> _counts = new(() => new int[3]);

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
            var overlap = Math.Min(segment.EndMs, toMs) - Math.Max(segment.StartMs, fromMs);
            if (overlap > 0)
            {
                _durations[index].Add(overlap);
            }
        }
    }

    public List<StatusDurationRow> Rows()
    {
        var refs = names.Resolve();
        var rows = new List<StatusDurationRow>();
        foreach (var status in names.Ordered(refs))
        {
            var durations = new Durations();
            int entered = 0, left = 0, current = 0;
            for (var i = 0; i < refs.Length; i++)
            {
                if (refs[i] == status)
                {
                    durations.AddRange(_durations[i]);
                    entered += _counts[i][0];
                    left += _counts[i][1];
                    current += _counts[i][2];
                }
            }
            rows.Add(new StatusDurationRow(status, current, entered, left, durations.Summarize()));
        }
        return rows;
    }
}
