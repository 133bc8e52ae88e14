using System.Globalization;

namespace AirtableSync.Analytics;

// Cycle time from one status to another (docs/analytics.md, "Cycle time"). Per record at most one cycle: it starts
// when the record first enters the start status (its creation, if created in it) and completes when it next enters the
// end status after that; going back and forth in between counts in the cycle, and re-entries after the completion
// start no new cycle. A cycle is reported when it completes in [from, to), in the ISO week (in the viewer's zone) of
// its completion. Deleted records keep the cycles they completed before deletion.
// Which names are the two statuses is only certain once the table is read (renames, see StatusNames): a record whose
// history holds a name the schema does not have waits, as its few visits, until then.
internal sealed class CycleTimeCalculation(StatusNames names, StatusRef fromStatus, StatusRef toStatus, AnalyticsPeriod period)
{
    private static readonly (long Ms, string Label)[] Buckets =
    [
        (0, "< 1 h"), (3_600_000, "1–4 h"), (14_400_000, "4 h–1 d"), (86_400_000, "1–2 d"), (172_800_000, "2–4 d"),
        (345_600_000, "4–7 d"), (604_800_000, "1–2 wk"), (1_209_600_000, "2–4 wk"), (2_419_200_000, "≥ 4 wk"),
    ];

    private readonly long _fromMs = period.From.ToUnixTimeMilliseconds();
    private readonly long _toMs = period.To.ToUnixTimeMilliseconds();
    private readonly List<RecordCycle> _cycles = [];
    private readonly List<(string RecordId, (int Name, long StartMs)[] Visits)> _waiting = [];

    public void Add(string recordId, List<Segment> segments)
    {
        var visits = segments.Where(s => s.Key is not null).Select(s => (Name: names.IndexOf(s.Key!), s.StartMs)).ToArray();
        if (visits.Any(v => !names.IsCurrent(v.Name)))
        {
            _waiting.Add((recordId, visits));
            return;
        }
        Measure(recordId, visits, i => names.CurrentRef(i));
    }

    public CycleTimeReport Report(string tableId, string? statusFieldId)
    {
        var refs = names.Resolve();
        foreach (var (recordId, visits) in _waiting)
        {
            Measure(recordId, visits, i => refs[i]);
        }
        var cycles = _cycles.OrderBy(c => c.CompletedAt).ThenBy(c => c.RecordId, StringComparer.Ordinal).ToList();
        var all = new Durations();
        cycles.ForEach(c => all.Add((long)Math.Round(c.Seconds * 1000)));
        var histogram = Buckets.Select((b, i) => new HistogramBucket(
            Durations.Seconds(b.Ms), i + 1 < Buckets.Length ? Durations.Seconds(Buckets[i + 1].Ms) : null, b.Label,
            cycles.Count(c => c.Seconds * 1000 >= b.Ms && (i + 1 == Buckets.Length || c.Seconds * 1000 < Buckets[i + 1].Ms)))).ToList();
        var weeks = cycles.GroupBy(c => WeekOf(c.CompletedAt)).OrderBy(g => g.Key.Start).Select(g =>
        {
            var durations = new Durations();
            foreach (var c in g)
            {
                durations.Add((long)Math.Round(c.Seconds * 1000));
            }
            return new CycleWeek(g.Key.Year, g.Key.Week, g.Key.Start, g.Count(), Durations.Seconds(durations.Percentile(50) ?? 0));
        }).ToList();
        return new CycleTimeReport(tableId, statusFieldId, fromStatus, toStatus, period.From, period.To, period.Zone.Id,
            all.Summarize(), histogram, weeks, cycles);
    }

    private void Measure(string recordId, (int Name, long StartMs)[] visits, Func<int, StatusRef?> statusOf)
    {
        var start = Array.FindIndex(visits, v => statusOf(v.Name) == fromStatus);
        if (start < 0)
        {
            return;
        }
        for (var j = start + 1; j < visits.Length; j++)
        {
            if (statusOf(visits[j].Name) == toStatus)
            {
                var completed = visits[j].StartMs;
                if (completed >= _fromMs && completed < _toMs)
                {
                    _cycles.Add(new RecordCycle(recordId, DateTimeOffset.FromUnixTimeMilliseconds(visits[start].StartMs),
                        DateTimeOffset.FromUnixTimeMilliseconds(completed), Durations.Seconds(completed - visits[start].StartMs)));
                }
                return;
            }
        }
    }

    private (int Year, int Week, DateOnly Start) WeekOf(DateTimeOffset completedAt)
    {
        var day = ZoneCalendar.DayOf(completedAt.ToUnixTimeMilliseconds(), period.Zone);
        var date = day.ToDateTime(TimeOnly.MinValue);
        return (ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date), ZoneCalendar.PeriodStart(day, AssignmentPeriodUnit.Week));
    }
}
