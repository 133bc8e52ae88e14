namespace AirtableSync.Analytics;

// A growable array of durations in milliseconds: one long per visit, no objects, so a status with a million visits
// costs 8 MB, not a list of records.
internal sealed class Durations
{
    private long[] _items = new long[16];

    public int Count { get; private set; }

    public void Add(long milliseconds)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        _items[Count++] = milliseconds;
    }

    public long At(int index) => _items[index];

    public void AddRange(Durations other)
    {
        for (var i = 0; i < other.Count; i++)
        {
            Add(other._items[i]);
        }
    }

    // Nearest-rank percentiles (the smallest duration at least p% of the durations do not exceed): always a duration that
    // happened, no interpolation, so hand-computed expectations are exact. The median is the 50th percentile.
    public DurationSummary Summarize()
    {
        if (Count == 0)
        {
            return new DurationSummary(0, null, null, null, null);
        }
        var sorted = _items.AsSpan(0, Count);
        sorted.Sort();
        return new DurationSummary(Count, Seconds(Rank(sorted, 50)), Seconds(Rank(sorted, 75)), Seconds(Rank(sorted, 90)), Seconds(sorted[^1]));
    }

    public long? Percentile(int percent)
    {
        if (Count == 0)
        {
            return null;
        }
        var sorted = _items.AsSpan(0, Count);
        sorted.Sort();
        return Rank(sorted, percent);
    }

    public static double Seconds(long milliseconds) => milliseconds / 1000.0;

    private static long Rank(Span<long> sorted, int percent) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
}
