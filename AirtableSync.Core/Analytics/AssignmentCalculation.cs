namespace AirtableSync.Analytics;

// Who held what (docs/analytics.md, "Assignments"). The Assignee field's timeline and the Status field's are laid over
// each other; every stretch in [from, min(to, now)) with someone assigned counts, for each person assigned (several
// collaborators each held the record the whole time), in the status of that moment (StatusRef.None while the status
// was empty, or when the table has no Status field). People are named as Airtable shows them (events carry display
// names). Periods are days, ISO weeks or months in the viewer's zone; a stretch across a boundary is split there.
internal sealed class AssignmentCalculation
{
    private readonly StatusNames _names;
    private readonly AnalyticsPeriod _period;
    private readonly AssignmentPeriodUnit _unit;
    private readonly long _fromMs;
    private readonly long _toMs;
    private readonly List<(string Person, string RecordId, int Status, long Ms)> _rows = [];
    private readonly Dictionary<(DateOnly Start, string Person, int Status), (long Ms, int Records, string LastRecord)> _periods = [];
    private readonly Dictionary<(string Person, int Status), long> _record = [];

    public AssignmentCalculation(StatusNames names, AnalyticsPeriod period, AssignmentPeriodUnit unit, long nowMs)
    {
        _names = names;
        _period = period;
        _unit = unit;
        _fromMs = period.From.ToUnixTimeMilliseconds();
        _toMs = Math.Min(period.To.ToUnixTimeMilliseconds(), nowMs);
    }

    public void Add(string recordId, List<Segment> assignees, List<Segment> statuses)
    {
        _record.Clear();
        var s = 0;
        foreach (var held in assignees)
        {
            if (held.Key is not { } key)
            {
                continue;
            }
            var people = ValueKeys.Split(key);
            var start = Math.Max(held.StartMs, _fromMs);
            var end = Math.Min(held.EndMs, _toMs);
            while (s < statuses.Count && statuses[s].EndMs <= start)
            {
                s++;
            }
            for (var at = start; at < end;)
            {
                // The status stretch at `at`, or none (a gap: no status field, or before the status timeline begins).
                var status = s < statuses.Count && statuses[s].StartMs <= at ? statuses[s] : (Segment?)null;
                var next = status is { } st ? Math.Min(st.EndMs, end) : Math.Min(s < statuses.Count ? statuses[s].StartMs : end, end);
                var index = status?.Key is { } name ? _names.IndexOf(name) : -1;
                foreach (var person in people)
                {
                    Hold(recordId, person, index, at, next);
                }
                at = next;
                if (status is { } done && done.EndMs <= at)
                {
                    s++;
                }
            }
        }
        foreach (var ((person, status), ms) in _record)
        {
            _rows.Add((person, recordId, status, ms));
        }
    }

    public (List<AssignmentRow> Rows, List<AssignmentPeriodRow> Periods) Result()
    {
        var refs = _names.Resolve();
        StatusRef Of(int index) => index < 0 ? StatusRef.None : refs[index];
        var rows = _rows
            .GroupBy(r => (r.Person, r.RecordId, Status: Of(r.Status)))
            .Select(g => new AssignmentRow(g.Key.Person, g.Key.RecordId, g.Key.Status, Durations.Seconds(g.Sum(r => r.Ms))))
            .OrderBy(r => r.Person, StringComparer.Ordinal).ThenBy(r => r.RecordId, StringComparer.Ordinal).ThenBy(r => r.Status.Name, StringComparer.Ordinal)
            .ToList();
        var periods = _periods
            .GroupBy(p => (p.Key.Start, p.Key.Person, Status: Of(p.Key.Status)))
            .Select(g => new AssignmentPeriodRow(g.Key.Start, g.Key.Person, g.Key.Status, g.Sum(p => p.Value.Records), Durations.Seconds(g.Sum(p => p.Value.Ms))))
            .OrderBy(p => p.PeriodStart).ThenBy(p => p.Person, StringComparer.Ordinal).ThenBy(p => p.Status.Name, StringComparer.Ordinal)
            .ToList();
        return (rows, periods);
    }

    private void Hold(string recordId, string person, int status, long startMs, long endMs)
    {
        if (endMs <= startMs)
        {
            return;
        }
        _record[(person, status)] = _record.GetValueOrDefault((person, status)) + (endMs - startMs);
        var periodStart = ZoneCalendar.PeriodStart(ZoneCalendar.DayOf(startMs, _period.Zone), _unit);
        for (var at = startMs; at < endMs;)
        {
            var next = ZoneCalendar.NextPeriod(periodStart, _unit);
            var until = Math.Min(endMs, ZoneCalendar.StartOf(next, _period.Zone));
            var key = (periodStart, person, status);
            var sum = _periods.GetValueOrDefault(key, (0, 0, ""));
            _periods[key] = (sum.Ms + (until - at), sum.LastRecord == recordId ? sum.Records : sum.Records + 1, recordId);
            at = until;
            periodStart = next;
        }
    }
}
