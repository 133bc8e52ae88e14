namespace AirtableSync.Sandbox.PublicApi;

// Only touched under FakeWorkspace's lock.
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

    // Insertion order is the fake's record order when a request has neither sort nor view.
    public OrderedDictionary<string, FakeRecord> Records { get; } = new(StringComparer.Ordinal);

    public FakeTable ToSnapshot() => new(Id, Name, Description, Fields[0].Id, [.. Fields], [.. Views]);

    // Ids first, then names: Airtable accepts both wherever a field is named (docs/airtable/public-api.md §3.1).
    public FakeField? FindField(string idOrName) =>
        Fields.Find(f => f.Id == idOrName) ?? Fields.Find(f => f.Name == idOrName);
}
