using System.Globalization;
using System.Text.Json;

namespace AirtableSync.Airtable;

// Reads Airtable's response bodies. Cells are never interpreted: each record's fields object is kept as
// its raw JSON text, so formula error objects, lookups and unknown future types pass through untouched (§2.3, §2.4).
// Tolerates unknown keys everywhere; a missing or mistyped required key throws AirtableShapeException.
internal static class AirtableJsonReader
{
    public static AirtableUser ReadUser(JsonElement root) =>
        new(RequiredString(root, "id"), OptionalString(root, "email"),
            root.TryGetProperty("scopes", out var scopes) && scopes.ValueKind == JsonValueKind.Array
                ? [.. scopes.EnumerateArray().Select(s => s.GetString() ?? "")]
                : null);

    public static (IReadOnlyList<BaseInfo> Bases, string? Offset) ReadBasesPage(JsonElement root) =>
        ([.. RequiredArray(root, "bases").Select(b =>
            new BaseInfo(RequiredString(b, "id"), RequiredString(b, "name"), OptionalString(b, "permissionLevel") ?? "none"))],
         OptionalString(root, "offset"));

    public static IReadOnlyList<TableSchema> ReadTables(JsonElement root) =>
        [.. RequiredArray(root, "tables").Select(t => new TableSchema(
            RequiredString(t, "id"),
            RequiredString(t, "name"),
            RequiredString(t, "primaryFieldId"),
            OptionalString(t, "description"),
            [.. RequiredArray(t, "fields").Select(f => new FieldSchema(
                RequiredString(f, "id"),
                RequiredString(f, "name"),
                OptionalString(f, "type"),
                OptionalString(f, "description"),
                f.TryGetProperty("options", out var options) && options.ValueKind != JsonValueKind.Null ? options.GetRawText() : null))],
            // Views are optional in practice (a table model without them is still a table).
            t.TryGetProperty("views", out var views) && views.ValueKind == JsonValueKind.Array
                ? [.. views.EnumerateArray().Select(v => new ViewSchema(RequiredString(v, "id"), RequiredString(v, "name"), OptionalString(v, "type") ?? ""))]
                : []))];

    public static (IReadOnlyList<RecordData> Records, string? Offset) ReadRecordsPage(JsonElement root) =>
        ([.. RequiredArray(root, "records").Select(ReadRecord)], OptionalString(root, "offset"));

    public static RecordData ReadRecord(JsonElement record)
    {
        var id = RequiredString(record, "id");
        var created = RequiredString(record, "createdTime");
        if (!DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdTime))
        {
            throw new AirtableShapeException($"record {id} has an unreadable createdTime \"{created}\"");
        }
        string fields;
        if (!record.TryGetProperty("fields", out var fieldsElement))
        {
            // A record whose cells are all empty comes back with "fields": {} (§3.1); absent means the same.
            fields = "{}";
        }
        else if (fieldsElement.ValueKind == JsonValueKind.Object)
        {
            fields = fieldsElement.GetRawText();
        }
        else
        {
            throw new AirtableShapeException($"record {id} has \"fields\" of kind {fieldsElement.ValueKind}, expected an object");
        }
        return new RecordData(id, createdTime, fields);
    }

    private static JsonElement.ArrayEnumerator RequiredArray(JsonElement element, string name)
    {
        RequireObject(element, name);
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new AirtableShapeException($"expected an array \"{name}\"");
        }
        return value.EnumerateArray();
    }

    private static string RequiredString(JsonElement element, string name)
    {
        RequireObject(element, name);
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new AirtableShapeException($"expected a string \"{name}\"");
        }
        return value.GetString() ?? "";
    }

    private static string? OptionalString(JsonElement element, string name)
    {
        RequireObject(element, name);
        return element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private static void RequireObject(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new AirtableShapeException($"expected an object holding \"{name}\", found {element.ValueKind}");
        }
    }
}

// The body was JSON but not the shape Airtable documents; the client rethrows it as an AirtableApiException.
internal sealed class AirtableShapeException(string message) : Exception(message);
