using AirtableSync.Analytics;

namespace AirtableSync.Tests.Analytics;

/// <summary>The bounded-memory percentiles answer exactly what sorting every duration answers.</summary>
public sealed class PercentileSketchTests
{
    public static TheoryData<int, int> Samples => new() { { 1, 1 }, { 2, 10 }, { 3, 1_000 }, { 4, 100_000 }, { 5, 7 } };

    [Theory]
    [MemberData(nameof(Samples))]
    public void PercentilesEqualThoseOfTheSortedDurations(int seed, int count)
    {
        var random = new Random(seed);
        // Durations from milliseconds to years, many repeated, some zero.
        var values = Enumerable.Range(0, count).Select(_ => random.Next(4) switch
        {
            0 => random.NextInt64(0, 100),
            1 => random.NextInt64(0, 86_400_000),
            2 => 3_600_000L * random.Next(5),
            _ => random.NextInt64(0, 40_000_000_000),
        }).ToArray();
        var sketch = new PercentileSketch();
        var exact = new Durations();
        foreach (var value in values)
        {
            sketch.Add(value);
            exact.Add(value);
        }
        sketch.Plan(50, 75, 90, 99);
        foreach (var value in values)
        {
            sketch.Keep(value);
        }

        Assert.Equal(exact.Summarize(), sketch.Summarize());
        Assert.Equal(exact.Percentile(99), sketch.Percentile(99));
    }

    [Fact]
    public void MergedSketchesAnswerForTheirUnion()
    {
        var a = new PercentileSketch();
        var b = new PercentileSketch();
        long[] left = [5, 1_000, 86_400_000];
        long[] right = [7, 7, 2_000_000_000];
        Array.ForEach(left, a.Add);
        Array.ForEach(right, b.Add);
        a.Merge(b);
        a.Plan(50, 90);
        Array.ForEach(left, a.Keep);
        Array.ForEach(right, a.Keep);

        Assert.Equal(7, a.Percentile(50));
        Assert.Equal(2_000_000_000, a.Percentile(90));
        Assert.Equal(2_000_000_000, a.Max);
        Assert.Null(new PercentileSketch().Percentile(50));
    }
}
