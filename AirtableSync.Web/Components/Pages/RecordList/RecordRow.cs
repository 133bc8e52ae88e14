using AirtableSync.Web.Components.Pages.RecordList.Cells;

namespace AirtableSync.Web.Components.Pages.RecordList;

public sealed record RecordRow(StoredRecord Record, IReadOnlyDictionary<string, CellDisplay> Cells)
{
    public CellDisplay Cell(string fieldId) => Cells.TryGetValue(fieldId, out var cell) ? cell : CellDisplay.Empty;
}
