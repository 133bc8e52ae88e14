using System.Text.Json.Nodes;

namespace AirtableSync.Sandbox.PublicApi;

// Builds bases outside the workspace's lock, from one seeded Random: the same seed and the same calls give the same ids, names,
// cells and times. Published with FakeWorkspace.AddGeneratedBase.
internal sealed class GeneratedWorkspace(int seed)
{
    public Random Random { get; } = new(seed);
    public FakeIdGenerator Ids { get; } = new(new Random(unchecked(seed * 31 + 7)));

    public BaseData NewBase(string name, string permissionLevel) => new(Ids.Next("app"), name, permissionLevel);

    public GeneratedTable NewTable(BaseData owner, string name, string? description = null)
    {
        var data = new TableData(Ids.Next("tbl"), name, description);
        owner.Tables.Add(data);
        return new GeneratedTable(this, data);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public bool Chance(double probability) => Random.NextDouble() < probability;
}

internal sealed class GeneratedTable(GeneratedWorkspace workspace, TableData data)
{
    public TableData Data => data;
    public string Id => data.Id;

    public FakeField Field(string name, string? type, JsonObject? options = null, string? description = null)
    {
        var field = new FakeField(workspace.Ids.Next("fld"), name, type, options, description);
        data.Fields.Add(field);
        return field;
    }

    public void View(string name, string type = "grid") => data.Views.Add(new FakeView(workspace.Ids.Next("viw"), name, type));

    // Reserved before its cells are known: links between tables need ids first.
    public string NewRecordId() => workspace.Ids.Next("rec");

    // Null and empty cells are dropped, as Airtable never stores them.
    public FakeRecord Record(string id, DateTimeOffset created, DateTimeOffset? modified, IEnumerable<(FakeField Field, JsonNode? Value)> cells)
    {
        var stored = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (field, value) in cells)
        {
            if (value is not null && !FakeCells.IsEmpty(value))
            {
                stored[field.Id] = value;
            }
        }
        var record = new FakeRecord(id, created, modified, stored);
        data.Records.Add(id, record);
        return record;
    }
}
