namespace AirtableSync.Analytics;

// Exact nearest-rank percentiles (as Durations gives them) in memory that does not grow with the number of durations:
// pass 1 counts every duration into one of ~3,700 buckets (each 1/64 of a power of two wide), which tells, for each
// wanted rank, the bucket it falls in and its place there; pass 2 keeps only the durations of those buckets, and the
// answer is found among them. Memory is the buckets plus the durations of at most one bucket per wanted percentile
// (a bucket holds all durations only when they are all within 1.6% of each other). Both passes must see the same
// durations; should pass 2 see fewer (the data changed between two reads of a store without snapshots), the nearest kept
// duration is answered.
internal sealed class PercentileSketch
{
    private const int SubBits = 6;
    private const int Sub = 1 << SubBits;
    private static readonly int BucketCount = Bucket(long.MaxValue) + 1;

    private readonly int[] _counts = new int[BucketCount];
    private Dictionary<int, List<long>>? _kept;
    private readonly Dictionary<int, (int Bucket, int Offset)> _planned = [];

    public long Count { get; private set; }

    public long Max { get; private set; } = long.MinValue;

    /// <summary>Pass 1.</summary>
    public void Add(long milliseconds)
    {
        _counts[Bucket(milliseconds)]++;
        Count++;
        Max = Math.Max(Max, milliseconds);
    }

    /// <summary>Adds another sketch's pass-1 counts (several names of one status).</summary>
    public void Merge(PercentileSketch other)
    {
        for (var i = 0; i < BucketCount; i++)
        {
            _counts[i] += other._counts[i];
        }
        Count += other.Count;
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>Between the passes: which buckets pass 2 must keep, for these percentiles.</summary>
    public void Plan(params int[] percents)
    {
        _kept = [];
        foreach (var percent in percents)
        {
            if (Count > 0)
            {
                var place = _planned[percent] = Locate(Rank(percent));
                _kept.TryAdd(place.Bucket, []);
            }
        }
    }

    /// <summary>Pass 2: the same durations as pass 1.</summary>
    public void Keep(long milliseconds)
    {
        if (_kept is not null && _kept.TryGetValue(Bucket(milliseconds), out var values))
        {
            values.Add(milliseconds);
        }
    }

    /// <summary>After pass 2: the nearest-rank percentile (one of the durations), null when there were none.</summary>
    public long? Percentile(int percent)
    {
        if (Count == 0)
        {
            return null;
        }
        if (_kept is null)
        {
            throw new InvalidOperationException("Plan the percentiles and run pass 2 first.");
        }
        var (bucket, offset) = _planned[percent];
        var values = _kept[bucket];
        if (values.Count == 0)
        {
            return null;
        }
        values.Sort();
        return values[Math.Min(offset, values.Count - 1)];
    }

    /// <summary>
    /// After planning: whether a duration is surely below the percentile (−1), surely above it (1), or in its bucket (0),
    /// where only the answer after pass 2 tells.
    /// </summary>
    public int Locate(long milliseconds, int percent) => Count == 0 ? 1 : Bucket(milliseconds).CompareTo(_planned[percent].Bucket);

    /// <summary>Count, median, p75, p90 and max in seconds (plan 50, 75 and 90).</summary>
    public DurationSummary Summarize() => Count == 0
        ? new DurationSummary(0, null, null, null, null)
        : new DurationSummary((int)Count, Seconds(Percentile(50)), Seconds(Percentile(75)), Seconds(Percentile(90)), Durations.Seconds(Max));

    private static double? Seconds(long? milliseconds) => milliseconds is { } ms ? Durations.Seconds(ms) : null;

    private long Rank(int percent) => Math.Max(0, (long)Math.Ceiling(percent / 100.0 * Count) - 1);

    private (int Bucket, int Offset) Locate(long rank)
    {
        long before = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            if (before + _counts[i] > rank)
            {
                return (i, (int)(rank - before));
            }
            before += _counts[i];
        }
        throw new InvalidOperationException("Rank beyond the counted durations.");
    }

    // Order-preserving: below 64 one bucket per value; above, the power of two and the next 6 bits. Negative lengths
    // (none in practice) share bucket 0 with 0.
    private static int Bucket(long milliseconds)
    {
        if (milliseconds < Sub)
        {
            return (int)Math.Max(0, milliseconds);
        }
        var exponent = 63 - (int)long.LeadingZeroCount(milliseconds);
        var mantissa = (int)(milliseconds >> (exponent - SubBits)) & (Sub - 1);
        return (exponent - SubBits + 1) * Sub + mantissa;
    }
}
