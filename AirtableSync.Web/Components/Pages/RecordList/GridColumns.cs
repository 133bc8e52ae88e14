using AirtableSync.Revisions;

namespace AirtableSync.Web.Components.Pages.RecordList;

/// <summary>One field in the column chooser: where it stands and whether it is shown.</summary>
public sealed record GridColumn(FieldSchema Field, bool Shown, bool IsPrimary);

// Which columns a table's grid shows, in which order. As in Airtable, the primary field is always first and always
// shown (it names the record and links to it). By default Status and Assignee follow it — the two fields the
// product's history is about — then the others in Airtable's order. A person's layout reorders and hides the rest;
// fields added to the table after they saved it appear at the end, shown.
public sealed class GridColumns
{
    private readonly string? _primaryFieldId;
    private readonly IReadOnlyList<string> _defaultOrder;

    public GridColumns(StoredTable table, RevisionFieldRoles roles, GridLayout? layout)
    {
        _primaryFieldId = table.PrimaryFieldId;
        var live = table.Fields.Where(f => !f.IsRemoved).ToList();
        var byId = live.ToDictionary(f => f.Id, StringComparer.Ordinal);
        _defaultOrder = [.. live.OrderBy(f => Rank(f.Id, roles)).Select(f => f.Id)];
        var order = (layout?.Order ?? []).Where(byId.ContainsKey).Concat(_defaultOrder).Distinct(StringComparer.Ordinal)
            .OrderBy(id => id == _primaryFieldId ? 0 : 1) // stable: the chosen order stays, the primary field leads
            .ToList();
        var hidden = new HashSet<string>(layout?.Hidden ?? [], StringComparer.Ordinal);
        All = [.. order.Select(id => new GridColumn(byId[id], id == _primaryFieldId || !hidden.Contains(id), id == _primaryFieldId))];
    }

    /// <summary>Every live field, in the grid's order, shown or not.</summary>
    public IReadOnlyList<GridColumn> All { get; }

    public IReadOnlyList<FieldSchema> Shown => [.. All.Where(c => c.Shown).Select(c => c.Field)];

    public int HiddenCount => All.Count(c => !c.Shown);

    /// <summary>True when nothing differs from the defaults, so there is nothing to keep.</summary>
    public bool IsDefault => HiddenCount == 0 && All.Select(c => c.Field.Id).SequenceEqual(_defaultOrder.OrderBy(id => id == _primaryFieldId ? 0 : 1));

    public GridLayout Layout => new([.. All.Select(c => c.Field.Id)], [.. All.Where(c => !c.Shown).Select(c => c.Field.Id)]);

    public GridLayout WithShown(string fieldId, bool shown) =>
        new(Layout.Order, [.. All.Where(c => !c.IsPrimary && (c.Field.Id == fieldId ? !shown : !c.Shown)).Select(c => c.Field.Id)]);

    /// <summary>Moves a field one place earlier (-1) or later (+1); the primary field and the first place after it do not move.</summary>
    public GridLayout WithMoved(string fieldId, int step)
    {
        var order = All.Select(c => c.Field.Id).ToList();
        var from = order.IndexOf(fieldId);
        var to = from + Math.Sign(step);
        var firstMovable = _primaryFieldId is not null && order.Contains(_primaryFieldId) ? 1 : 0;
        if (from < firstMovable || to < firstMovable || to >= order.Count)
        {
            return Layout;
        }
        (order[from], order[to]) = (order[to], order[from]);
        return new(order, Layout.Hidden);
    }

    private int Rank(string fieldId, RevisionFieldRoles roles) =>
        fieldId == _primaryFieldId ? 0 : fieldId == roles.StatusFieldId ? 1 : fieldId == roles.AssigneeFieldId ? 2 : 3;
}
