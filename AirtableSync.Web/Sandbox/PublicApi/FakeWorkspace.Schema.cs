namespace AirtableSync.Sandbox.PublicApi;

// Schema edits for tests and the sandbox. Renames keep ids, as Airtable does (docs/airtable/public-api.md §6).
public sealed partial class FakeWorkspace
{
    public FakeBase AddBase(string name, string permissionLevel = "create")
    {
        lock (_gate)
        {
            var data = new BaseData(_ids.Next("app"), name, permissionLevel);
            _bases.Add(data);
            return data.ToSnapshot();
        }
    }

    public void RenameBase(string baseId, string name)
    {
        lock (_gate)
        {
            RequireBase(baseId).Name = name;
        }
    }

    public void SetPermissionLevel(string baseId, string permissionLevel)
    {
        lock (_gate)
        {
            RequireBase(baseId).PermissionLevel = permissionLevel;
        }
    }

    public bool RemoveBase(string baseId)
    {
        lock (_gate)
        {
            return _bases.RemoveAll(b => b.Id == baseId) > 0;
        }
    }

    /// <summary>Adds a table whose first field is the primary field, with one grid view named "Grid view".</summary>
    public FakeTable AddTable(string baseId, string name, IReadOnlyList<FakeFieldSpec> fields, string? description = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(fields.Count);
        lock (_gate)
        {
            var data = RequireBase(baseId);
            if (data.Tables.Exists(t => t.Name == name))
            {
                throw new ArgumentException($"Table name {name} is taken in {baseId}.", nameof(name));
            }
            var table = new TableData(_ids.Next("tbl"), name, description);
            foreach (var spec in fields)
            {
                AddFieldTo(table, spec);
            }
            table.Views.Add(new FakeView(_ids.Next("viw"), "Grid view"));
            data.Tables.Add(table);
            return table.ToSnapshot();
        }
    }

    public void RenameTable(string baseId, string tableId, string name)
    {
        lock (_gate)
        {
            RequireTable(baseId, tableId).Name = name;
        }
    }

    public bool RemoveTable(string baseId, string tableId)
    {
        lock (_gate)
        {
            return RequireBase(baseId).Tables.RemoveAll(t => t.Id == tableId) > 0;
        }
    }

    public FakeField AddField(string baseId, string tableId, FakeFieldSpec spec)
    {
        lock (_gate)
        {
            return AddFieldTo(RequireTable(baseId, tableId), spec);
        }
    }

    public void RenameField(string baseId, string tableId, string fieldId, string name)
    {
        lock (_gate)
        {
            var table = RequireTable(baseId, tableId);
            var index = table.Fields.FindIndex(f => f.Id == fieldId);
            if (index < 0)
            {
                throw new ArgumentException($"No field {fieldId}.", nameof(fieldId));
            }
            table.Fields[index] = table.Fields[index] with { Name = name };
        }
    }

    /// <summary>Removes a field and its cells. The primary field cannot be removed, as in Airtable.</summary>
    public void RemoveField(string baseId, string tableId, string fieldId)
    {
        lock (_gate)
        {
            var table = RequireTable(baseId, tableId);
            if (table.Fields[0].Id == fieldId)
            {
                throw new InvalidOperationException("The primary field cannot be removed.");
            }
            if (table.Fields.RemoveAll(f => f.Id == fieldId) == 0)
            {
                throw new ArgumentException($"No field {fieldId}.", nameof(fieldId));
            }
            foreach (var key in table.Records.Keys.ToList())
            {
                var record = table.Records[key];
                if (record.Cells.ContainsKey(fieldId))
                {
                    table.Records[key] = record with
                    {
                        Cells = record.Cells.Where(c => c.Key != fieldId).ToDictionary(StringComparer.Ordinal),
                    };
                }
            }
        }
    }

    public FakeView AddView(string baseId, string tableId, string name, string type = "grid")
    {
        lock (_gate)
        {
            var view = new FakeView(_ids.Next("viw"), name, type);
            RequireTable(baseId, tableId).Views.Add(view);
            return view;
        }
    }

    // Built in one piece by the generator, so no per-record locking: 100,000 records load fast.
    internal void AddGeneratedBase(BaseData data)
    {
        lock (_gate)
        {
            _bases.Add(data);
        }
    }

    private FakeField AddFieldTo(TableData table, FakeFieldSpec spec)
    {
        if (table.Fields.Exists(f => f.Name == spec.Name))
        {
            throw new ArgumentException($"Field name {spec.Name} is taken in {table.Id}.", nameof(spec));
        }
        var field = new FakeField(_ids.Next("fld"), spec.Name, spec.Type, spec.Options?.DeepClone().AsObject(), spec.Description);
        table.Fields.Add(field);
        return field;
    }
}
