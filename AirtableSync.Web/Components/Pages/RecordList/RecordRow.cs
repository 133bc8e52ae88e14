using AirtableSync.Web.Components.Pages.RecordList.Cells;

namespace AirtableSync.Web.Components.Pages.RecordList;

/// <summary>One grid row: the stored record and its cells already formatted, keyed by field id.</summary>
public sealed record RecordRow(StoredRecord Record, IReadOnlyDictionary<string, CellDisplay> Cells)
{
    public CellDisplay Cell(string fieldId) => Cells.TryGetValue(fieldId, out var cell) ? cell : CellDisplay.Empty;
}
