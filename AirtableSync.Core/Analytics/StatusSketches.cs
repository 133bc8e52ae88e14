namespace AirtableSync.Analytics;

// Between the two passes of a percentile report: the names are resolved (renames known), so each status's sketch is
// the sketches of its names together, and pass 2 finds it from any of its names' indexes.
internal sealed class StatusSketches
{
    private readonly PercentileSketch?[] _byIndex;

    public StatusSketches(StatusNames names, PerStatus<PercentileSketch> perName, params int[] percents)
    {
        var refs = names.Resolve();
        _byIndex = new PercentileSketch?[refs.Length];
        foreach (var status in names.Ordered(refs))
        {
            var members = Enumerable.Range(0, refs.Length).Where(i => refs[i] == status).ToArray();
            var sketch = new PercentileSketch();
            foreach (var i in members)
            {
                sketch.Merge(perName[i]);
                _byIndex[i] = sketch;
            }
            sketch.Plan(percents);
            Statuses.Add((status, sketch, members));
        }
    }

    /// <summary>Each status in report order, its sketch, and the name indexes that stand for it.</summary>
    public List<(StatusRef Status, PercentileSketch Sketch, int[] Members)> Statuses { get; } = [];

    /// <summary>The sketch of the status a name index stands for; null for a name first met after planning.</summary>
    public PercentileSketch? Of(int index) => index < _byIndex.Length ? _byIndex[index] : null;
}
