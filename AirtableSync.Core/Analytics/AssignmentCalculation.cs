namespace AirtableSync.Analytics;

// Who held what (docs/analytics.md, "Assignments"). The Assignee field's timeline and the Status field's are laid over
// each other; every stretch in [from, min(to, now)) with someone assigned counts, for each person assigned (several
// collaborators each held the record the whole time), in the status of that moment (StatusRef.None while the status
// was empty, or when the table has no Status field). People are named as Airtable shows them (events carry display
// names). Periods are days, ISO weeks or months in the viewer's zone; a stretch across a boundary is split there.
// At half a million records the answer has millions of rows, so the work per stretch is kept small: period boundaries
// are computed once (a binary search per stretch, no time zone conversion), people and statuses are numbers, rows are
// kept per person in the order records come (record id order), so the answer needs no sort.
internal sealed class AssignmentCalculation
{
    private readonly StatusNames _names;
    private readonly long _fromMs;
    private readonly long _toMs;
    private readonly DateOnly[] _periodStarts;
    // _bounds[i] is where period i starts, _bounds[^1] where the last one ends.
    private readonly long[] _bounds;
    private readonly Dictionary<string, int> _personNumbers = new(StringComparer.Ordinal);
    private readonly List<string> _people = [];
    private readonly Dictionary<string, int[]> _peopleOfKey = new(StringComparer.Ordinal);
    private readonly List<List<(string RecordId, int Status, long Ms)>> _rowsByPerson = [];
    private readonly Dictionary<(int Period, int Person, int Status), (long Ms, int Records, int LastRecord)> _periods = [];
    private readonly Dictionary<(int Person, int Status), long> _record = [];
    private int _recordNumber;

    public AssignmentCalculation(StatusNames names, AnalyticsPeriod period, AssignmentPeriodUnit unit, long nowMs)
    {
        _names = names;
        _fromMs = period.From.ToUnixTimeMilliseconds();
        _toMs = Math.Min(period.To.ToUnixTimeMilliseconds(), nowMs);
        var starts = new List<DateOnly>();
        var bounds = new List<long>();
        if (_toMs > _fromMs)
        {
            var start = ZoneCalendar.PeriodStart(ZoneCalendar.DayOf(_fromMs, period.Zone), unit);
            for (var at = ZoneCalendar.StartOf(start, period.Zone); at < _toMs; start = ZoneCalendar.NextPeriod(start, unit), at = ZoneCalendar.StartOf(start, period.Zone))
            {
                starts.Add(start);
                bounds.Add(at);
            }
            bounds.Add(ZoneCalendar.StartOf(start, period.Zone));
        }
        _periodStarts = [.. starts];
        _bounds = [.. bounds];
    }

    public void Add(string recordId, List<Segment> assignees, List<Segment> statuses)
    {
        _record.Clear();
        _recordNumber++;
        var s = 0;
        foreach (var held in assignees)
        {
            if (held.Key is not { } key)
            {
                continue;
            }
            var people = PeopleOf(key);
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
                    Hold(person, index, at, next);
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
            _rowsByPerson[person].Add((recordId, status, ms));
        }
    }

    public (List<AssignmentRow> Rows, List<AssignmentPeriodRow> Periods) Result()
    {
        var refs = _names.Resolve();
        StatusRef Of(int index) => index < 0 ? StatusRef.None : refs[index];
        var rows = new List<AssignmentRow>(_rowsByPerson.Sum(r => r.Count));
        foreach (var person in Enumerable.Range(0, _people.Count).OrderBy(p => _people[p], StringComparer.Ordinal))
        {
            var own = _rowsByPerson[person];
            for (var i = 0; i < own.Count;)
            {
                // One record's rows: the same status under two names (a rename) is one row.
                var j = i;
                while (j < own.Count && ReferenceEquals(own[j].RecordId, own[i].RecordId))
                {
                    j++;
                }
                rows.AddRange(own.GetRange(i, j - i)
                    .GroupBy(r => Of(r.Status))
                    .OrderBy(g => g.Key.Name, StringComparer.Ordinal)
                    .Select(g => new AssignmentRow(_people[person], own[i].RecordId, g.Key, Durations.Seconds(g.Sum(r => r.Ms)))));
                i = j;
            }
        }
        var periods = _periods
            .GroupBy(p => (p.Key.Period, p.Key.Person, Status: Of(p.Key.Status)))
            .Select(g => new AssignmentPeriodRow(_periodStarts[g.Key.Period], _people[g.Key.Person], g.Key.Status, g.Sum(p => p.Value.Records), Durations.Seconds(g.Sum(p => p.Value.Ms))))
            .OrderBy(p => p.PeriodStart).ThenBy(p => p.Person, StringComparer.Ordinal).ThenBy(p => p.Status.Name, StringComparer.Ordinal)
            .ToList();
        return (rows, periods);
    }

    private int[] PeopleOf(string key)
    {
        if (!_peopleOfKey.TryGetValue(key, out var people))
        {
            people = _peopleOfKey[key] = [.. ValueKeys.Split(key).Select(PersonNumber)];
        }
        return people;
    }

    private int PersonNumber(string name)
    {
        if (!_personNumbers.TryGetValue(name, out var number))
        {
            number = _personNumbers[name] = _people.Count;
            _people.Add(name);
            _rowsByPerson.Add([]);
        }
        return number;
    }

    private void Hold(int person, int status, long startMs, long endMs)
    {
        if (endMs <= startMs)
        {
            return;
        }
        _record[(person, status)] = _record.GetValueOrDefault((person, status)) + (endMs - startMs);
        // The period holding startMs: the last bound at or before it (startMs is in [from, to), inside the bounds).
        var period = Array.BinarySearch(_bounds, startMs);
        period = period >= 0 ? period : ~period - 1;
        for (var at = startMs; at < endMs; period++)
        {
            var until = Math.Min(endMs, _bounds[period + 1]);
            var key = (period, person, status);
            var sum = _periods.GetValueOrDefault(key);
            _periods[key] = (sum.Ms + (until - at), sum.LastRecord == _recordNumber ? sum.Records : sum.Records + 1, _recordNumber);
            at = until;
        }
    }
}
