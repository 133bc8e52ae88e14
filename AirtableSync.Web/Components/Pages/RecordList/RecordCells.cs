using System.Text.Json;
using AirtableSync.Web.Components.Pages.RecordList.Cells;

namespace AirtableSync.Web.Components.Pages.RecordList;

// A record's raw fields JSON is keyed by field id.
public static class RecordCells
{
    public static IReadOnlyDictionary<string, CellDisplay> Format(string fieldsJson, IEnumerable<FieldSchema> fields, CellFormatContext context)
    {
        var raw = Parse(fieldsJson);
        var cells = new Dictionary<string, CellDisplay>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            cells[field.Id] = CellFormatter.Format(field, raw.TryGetValue(field.Id, out var value) ? value : null, context);
        }
        return cells;
    }

    // A record whose JSON cannot be read shows as empty rather than breaking the page.
    public static IReadOnlyDictionary<string, JsonElement> Parse(string fieldsJson)
    {
        try
        {
            using var document = JsonDocument.Parse(fieldsJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new Dictionary<string, JsonElement>();
            }
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return new Dictionary<string, JsonElement>();
        }
    }

    // Live fields, the primary field first, then Airtable's order.
    public static IReadOnlyList<FieldSchema> Columns(StoredTable table) =>
        [.. table.Fields.Where(f => !f.IsRemoved).OrderBy(f => f.Id == table.PrimaryFieldId ? 0 : 1)];
}
