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
    // Per name index, what the name is known to be before the table is read: From, To, Other, or Unknown (not a current
    // name: a rename or a removed choice, resolved only at the end).
    private readonly List<Role> _roles = [];

    private enum Role : byte { Other, From, To, Unknown }

    public void Add(string recordId, List<Segment> segments)
    {
        int start = -1, end = -1;
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].Key is not { } key)
            {
                continue;
            }
            var role = RoleOf(names.IndexOf(key));
            if (role == Role.Unknown)
            {
                _waiting.Add((recordId, [.. segments.Where(s => s.Key is not null).Select(s => (names.IndexOf(s.Key!), s.StartMs))]));
                return;
            }
            if (start < 0 && role == Role.From)
            {
                start = i;
            }
            else if (start >= 0 && end < 0 && role == Role.To)
            {
                end = i;
            }
        }
        if (end >= 0)
        {
            Complete(recordId, segments[start].StartMs, segments[end].StartMs);
        }
    }

    public CycleTimeReport Report(string tableId, string? statusFieldId)
    {
        var refs = names.Resolve();
        foreach (var (recordId, visits) in _waiting)
        {
            Measure(recordId, visits, i => refs[i]);
        }
        _cycles.Sort((a, b) => a.CompletedAt != b.CompletedAt ? a.CompletedAt.CompareTo(b.CompletedAt) : string.CompareOrdinal(a.RecordId, b.RecordId));
        var all = new Durations();
        var counts = new int[Buckets.Length];
        var weeks = new Weeks(period);
        foreach (var cycle in _cycles)
        {
            var ms = (long)Math.Round(cycle.Seconds * 1000);
            all.Add(ms);
            var bucket = Buckets.Length - 1;
            while (bucket > 0 && ms < Buckets[bucket].Ms)
            {
                bucket--;
            }
            counts[bucket]++;
            weeks.Add(cycle.CompletedAt.ToUnixTimeMilliseconds(), ms);
        }
        var histogram = Buckets.Select((b, i) => new HistogramBucket(
            Durations.Seconds(b.Ms), i + 1 < Buckets.Length ? Durations.Seconds(Buckets[i + 1].Ms) : null, b.Label, counts[i])).ToList();
        return new CycleTimeReport(tableId, statusFieldId, fromStatus, toStatus, period.From, period.To, period.Zone.Id,
            all.Summarize(), histogram, weeks.Rows(), _cycles);
    }

    private Role RoleOf(int index)
    {
        while (_roles.Count <= index)
        {
            _roles.Add(names.CurrentRef(_roles.Count) is not { } current ? Role.Unknown
                : current == fromStatus ? Role.From : current == toStatus ? Role.To : Role.Other);
        }
        return _roles[index];
    }

    private void Complete(string recordId, long startedMs, long completedMs)
    {
        if (completedMs >= _fromMs && completedMs < _toMs)
        {
            _cycles.Add(new RecordCycle(recordId, DateTimeOffset.FromUnixTimeMilliseconds(startedMs),
                DateTimeOffset.FromUnixTimeMilliseconds(completedMs), Durations.Seconds(completedMs - startedMs)));
        }
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
                Complete(recordId, visits[start].StartMs, visits[j].StartMs);
                return;
            }
        }
    }

    // ISO weeks of completion in the viewer's zone, their bounds computed once (a binary search per cycle, no time zone
    // conversion per cycle). Cycles come in completion order.
    private sealed class Weeks
    {
        private readonly List<long> _bounds = [];
        private readonly List<DateOnly> _starts = [];
        private readonly SortedDictionary<int, Durations> _durations = [];

        // Cycles complete in [from, to), so the week holding `from` is the first one needed.
        public Weeks(AnalyticsPeriod period)
        {
            var start = ZoneCalendar.PeriodStart(ZoneCalendar.DayOf(period.From.ToUnixTimeMilliseconds(), period.Zone), AssignmentPeriodUnit.Week);
            var toMs = period.To.ToUnixTimeMilliseconds();
            for (var at = ZoneCalendar.StartOf(start, period.Zone); at < toMs; start = start.AddDays(7), at = ZoneCalendar.StartOf(start, period.Zone))
            {
                _starts.Add(start);
                _bounds.Add(at);
            }
        }

        public void Add(long completedMs, long ms)
        {
            var week = _bounds.BinarySearch(completedMs);
            week = week >= 0 ? week : ~week - 1;
            if (!_durations.TryGetValue(week, out var durations))
            {
                durations = _durations[week] = new Durations();
            }
            durations.Add(ms);
        }

        public List<CycleWeek> Rows() => [.. _durations.Select(w =>
        {
            var date = _starts[w.Key].ToDateTime(TimeOnly.MinValue);
            return new CycleWeek(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date), _starts[w.Key], w.Value.Count, Durations.Seconds(w.Value.Percentile(50) ?? 0));
        })];
    }
}
