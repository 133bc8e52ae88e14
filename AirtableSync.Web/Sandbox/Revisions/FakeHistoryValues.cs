using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AirtableSync.Sandbox.PublicApi;

namespace AirtableSync.Sandbox.Revisions;

// A public-API cell as the revision history writes it: display strings per internal column type
// (docs/airtable/revision-history.md §4.1) — choice and collaborator names, linked records' titles, file names.
internal static class FakeHistoryValues
{
    /// <summary>The record's current values for the history's fields that are real fields of its table.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Current(FakeRevisionTable revisionTable, FakeTable table, FakeRecord record,
        Func<string, string, string?> linkedTitle)
    {
        var fieldIds = table.Fields.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var current = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in Fields(revisionTable).Where(f => fieldIds.Contains(f.Id)))
        {
            var linkedTableId = table.Fields.First(f => f.Id == field.Id).Options?["linkedTableId"]?.GetValue<string>();
            current[field.Id] = Of(field.ColumnType, record.Cells.GetValueOrDefault(field.Id), id => linkedTableId is null ? null : linkedTitle(linkedTableId, id));
        }
        return current;
    }

    public static IReadOnlyList<FakeRevisionField> Fields(FakeRevisionTable t) =>
        [t.Status, t.Assignee, t.Tags, t.Notes, t.Estimate, t.Due, t.Done, t.Priority, t.Related, t.Files];

    public static IReadOnlyList<string> Of(string columnType, JsonNode? cell, Func<string, string?> linkedTitle)
    {
        if (cell is null)
        {
            return [];
        }
        return columnType switch
        {
            "collaborator" => [Name(cell)],
            "multiSelect" => [.. Items(cell).Select(Text)],
            "foreignKey" => [.. Items(cell).Select(id => linkedTitle(Text(id)) ?? Text(id))],
            "multipleAttachment" => [.. Items(cell).Select(f => f?["filename"]?.GetValue<string>() ?? "")],
            "checkbox" => cell.GetValueKind() == JsonValueKind.True ? ["checked"] : [],
            "number" or "rating" => [double.Parse(cell.ToJsonString(), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)],
            "date" when DateOnly.TryParse(Text(cell), CultureInfo.InvariantCulture, out var day) => [day.ToString("M/d/yyyy", CultureInfo.InvariantCulture)],
            _ => Text(cell) is { Length: > 0 } text ? [text] : [],
        };
    }

    private static JsonArray Items(JsonNode cell) => cell as JsonArray ?? [cell.DeepClone()];

    private static string Name(JsonNode cell) => cell["name"]?.GetValue<string>() ?? cell["email"]?.GetValue<string>() ?? "";

    private static string Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node?.ToJsonString() ?? "";
}
