namespace AirtableSync.Analytics;

// Cumulative flow (docs/analytics.md, "Flow"): for each day of the period in the viewer's zone, the live records per
// status at the day's end (the next local midnight), or now for today; days that have not begun are left out. A record
// counts where its value was at that instant: a change exactly at midnight counts for the day it ends. Counting adds
// +1/−1 at the first and past the last day each visit covers, so a visit costs two binary searches, not a loop over days.
internal sealed class FlowCalculation
{
    private readonly StatusNames _names;
    private readonly long[] _at;
    private readonly DateOnly[] _days;
    private readonly PerStatus<int[]> _steps;

    public FlowCalculation(StatusNames names, AnalyticsPeriod period, long nowMs)
    {
        _names = names;
        var days = new List<DateOnly>();
        var at = new List<long>();
        var fromMs = period.From.ToUnixTimeMilliseconds();
        var toMs = period.To.ToUnixTimeMilliseconds();
        for (var day = ZoneCalendar.DayOf(fromMs, period.Zone); ZoneCalendar.StartOf(day, period.Zone) < toMs; day = day.AddDays(1))
        {
            var start = ZoneCalendar.StartOf(day, period.Zone);
            if (start > nowMs)
            {
                break;
            }
            days.Add(day);
            at.Add(Math.Min(ZoneCalendar.StartOf(day.AddDays(1), period.Zone), nowMs));
        }
        _days = [.. days];
        _at = [.. at];
        _steps = new(() => new int[_at.Length + 1]);
    }

    public void Add(List<Segment> segments)
    {
        foreach (var segment in segments)
        {
            if (segment.Key is not { } key)
            {
                continue;
            }
            var first = LowerBound(segment.StartMs);
            var past = segment.Ongoing ? _at.Length : LowerBound(segment.EndMs);
            if (first < past)
            {
                var steps = _steps[_names.IndexOf(key)];
                steps[first]++;
                steps[past]--;
            }
        }
    }

    public (List<StatusRef> Statuses, List<FlowDay> Days) Result()
    {
        var refs = _names.Resolve();
        var statuses = _names.Ordered(refs);
        var counts = new int[_days.Length, statuses.Count];
        for (var i = 0; i < refs.Length; i++)
        {
            var column = statuses.IndexOf(refs[i]);
            var steps = _steps[i];
            var running = 0;
            for (var d = 0; d < _days.Length; d++)
            {
                running += steps[d];
                counts[d, column] += running;
            }
        }
        var days = new List<FlowDay>(_days.Length);
        for (var d = 0; d < _days.Length; d++)
        {
            days.Add(new FlowDay(_days[d], DateTimeOffset.FromUnixTimeMilliseconds(_at[d]), [.. Enumerable.Range(0, statuses.Count).Select(c => counts[d, c])]));
        }
        return (statuses, days);
    }

    // The first day whose instant is at or after ms: a visit [start, end) covers the days whose instant is in it.
    private int LowerBound(long ms)
    {
        int low = 0, high = _at.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_at[mid] < ms)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }
}
