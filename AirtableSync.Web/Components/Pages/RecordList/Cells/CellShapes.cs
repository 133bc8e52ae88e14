using System.Text.Json;

namespace AirtableSync.Web.Components.Pages.RecordList.Cells;

// The structured shapes: people, linked records, attachments (docs/airtable/public-api.md §2.3).
internal static class CellShapes
{
    internal static IReadOnlyList<string>? Strings(JsonElement v) =>
        v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? [.. v.EnumerateArray().Select(e => e.GetString() ?? "")]
            : null;

    internal static CellItem? Person(JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var id = Property(v, "id");
        var email = Property(v, "email");
        var name = Property(v, "name");
        // Users without an account have no name (§2.3): fall back to the e-mail, then the id.
        var label = name ?? email ?? id;
        return label is null ? null : new CellItem(label, email);
    }

    internal static CellDisplay? People(JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var people = v.EnumerateArray().Select(Person).ToList();
        return people.Any(p => p is null) ? null : CellDisplay.OfItems(CellKind.People, [.. people.OfType<CellItem>()]);
    }

    internal static CellDisplay? Links(JsonElement v, FieldOptions options, CellFormatContext context)
    {
        if (Strings(v) is not { } ids)
        {
            return null;
        }
        var items = ids.Select(id => new CellItem(
            context.LinkedRecordTitles.TryGetValue(id, out var title) && title.Length > 0 ? title : id,
            id,
            options.LinkedTableId is { } tableId && context.BaseId.Length > 0
                ? $"bases/{Uri.EscapeDataString(context.BaseId)}/tables/{Uri.EscapeDataString(tableId)}/records/{Uri.EscapeDataString(id)}"
                : null));
        return CellDisplay.OfItems(CellKind.Links, [.. items]);
    }

    internal static CellDisplay? Attachments(JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var files = new List<CellItem>();
        foreach (var file in v.EnumerateArray())
        {
            if (file.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            // URLs expire about two hours after they are returned (§2.3): show names, never the stored URL.
            files.Add(new CellItem(Property(file, "filename") ?? Property(file, "id") ?? "file", Property(file, "type")));
        }
        return CellDisplay.OfItems(CellKind.Attachments, files);
    }

    internal static string? Property(JsonElement v, string name) =>
        v.ValueKind == JsonValueKind.Object && v.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
