namespace AirtableSync.Sandbox.PublicApi;

/// <summary>
/// Deterministic workspaces: the same seed always produces the same bases, ids, cells and times.
/// <see cref="AddSampleWorkspace"/> is the sandbox's realistic workspace; <see cref="AddSyntheticWorkspace"/> makes
/// N bases × M tables × K records for tests and benchmarks.
/// </summary>
public static class SampleWorkspaceGenerator
{
    /// <summary>Times in the sample are fixed relative to this instant (never the clock), so a seed fully decides them.</summary>
    public static readonly DateTimeOffset SampleAnchor = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Adds "Product Roadmap" (create), "Customer Support" (edit) and "Marketing Calendar" (read): about 460 records
    /// covering every field type of docs/airtable/public-api.md §2.3, formula error/NaN values (§2.4), one unknown future type
    /// ("fancyNewType") and records with empty cells or no cells at all.
    /// </summary>
    public static IReadOnlyList<FakeBase> AddSampleWorkspace(FakeWorkspace workspace, FakeUserDirectory users, int seed)
    {
        var g = new GeneratedWorkspace(seed);
        var cells = new SampleCells(g, users);
        BaseData[] bases =
        [
            SampleProductRoadmap.Build(g, cells, users, SampleAnchor),
            SampleCustomerSupport.Build(g, cells, SampleAnchor),
            SampleCustomerSupport.BuildMarketing(g, cells, SampleAnchor),
        ];
        foreach (var data in bases)
        {
            workspace.AddGeneratedBase(data);
        }
        return [.. bases.Select(b => b.ToSnapshot())];
    }

    public static IReadOnlyList<FakeBase> AddSyntheticWorkspace(FakeWorkspace workspace, SyntheticWorkspaceSpec spec) =>
        SyntheticWorkspace.Add(workspace, spec);
}
