namespace AirtableSync.Sandbox.PublicApi;

/// <summary>Mutable innards of the workspace; only touched under <see cref="FakeWorkspace"/>'s lock.</summary>
internal sealed class BaseData(string id, string name, string permissionLevel)
{
    public string Id { get; } = id;
    public string Name { get; set; } = name;
    public string PermissionLevel { get; set; } = permissionLevel;
    public List<TableData> Tables { get; } = [];

    public FakeBase ToSnapshot() => new(Id, Name, PermissionLevel);

    public TableData? FindTable(string idOrName) =>
        Tables.Find(t => t.Id == idOrName) ?? Tables.Find(t => t.Name == idOrName);
}

internal sealed class TableData(string id, string name, string? description)
{
    public string Id { get; } = id;
    public string Name { get; set; } = name;
    public string? Description { get; set; } = description;
    public List<FakeField> Fields { get; } = [];
    public List<FakeView> Views { get; } = [];

    /// <summary>Insertion order is the fake's record order when a request has neither sort nor view.</summary>
    public OrderedDictionary<string, FakeRecord> Records { get; } = new(StringComparer.Ordinal);

    public FakeTable ToSnapshot() => new(Id, Name, Description, Fields[0].Id, [.. Fields], [.. Views]);

    /// <summary>Ids first, then names: Airtable accepts both wherever a field is named (docs/airtable/public-api.md §3.1).</summary>
    public FakeField? FindField(string idOrName) =>
        Fields.Find(f => f.Id == idOrName) ?? Fields.Find(f => f.Name == idOrName);
}
