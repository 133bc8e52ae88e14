using System.Text.Json;

namespace AirtableSync.Web.Components.Pages.RecordList.Cells;

// Only the parts of a field's raw options JSON that change how a cell reads (docs/airtable/public-api.md §2.3);
// anything unreadable is simply absent.
public sealed record FieldOptions(
    int? Precision,
    string? Symbol,
    string? DurationFormat,
    int? Max,
    string? LinkedTableId,
    string? ResultType,
    string? ResultOptionsJson)
{
    public static FieldOptions None { get; } = new(null, null, null, null, null, null, null);

    public static FieldOptions Parse(string? optionsJson)
    {
        if (string.IsNullOrWhiteSpace(optionsJson))
        {
            return None;
        }
        try
        {
            using var document = JsonDocument.Parse(optionsJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return None;
            }
            var result = root.TryGetProperty("result", out var r) && r.ValueKind == JsonValueKind.Object ? r : (JsonElement?)null;
            return new FieldOptions(
                Int(root, "precision"),
                Str(root, "symbol"),
                Str(root, "durationFormat"),
                Int(root, "max"),
                Str(root, "linkedTableId"),
                result is { } res ? Str(res, "type") : null,
                result is { } res2 && res2.TryGetProperty("options", out var ro) && ro.ValueKind == JsonValueKind.Object ? ro.GetRawText() : null);
        }
        catch (JsonException)
        {
            return None;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
