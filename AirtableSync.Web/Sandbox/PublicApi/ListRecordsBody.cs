using System.Text.Json;

namespace AirtableSync.Sandbox.PublicApi;

// The query's options as JSON, offset included (docs/airtable/public-api.md §3.2). timeZone and userLocale are ignored, as
// Airtable's body parser ignores them; any other unknown key is 422. A non-JSON body is 422 INVALID_REQUEST_UNKNOWN (the
// fake's choice; §4.3 mentions 400).
internal static class ListRecordsBody
{
    public static ListRecordsQuery Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return new ListRecordsQuery();
        }
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw PublicApiError.InvalidRequest("Invalid request: the body is not valid JSON.");
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw PublicApiError.InvalidRequest("Invalid request: the body must be a JSON object.");
        }
        var query = new ListRecordsQuery();
        foreach (var property in root.EnumerateObject())
        {
            var v = property.Value;
            query = property.Name switch
            {
                "pageSize" => query with { PageSize = ListRecordsQuery.ParsePageSize(NumberText(v, "pageSize")) },
                "maxRecords" => query with { MaxRecords = ListRecordsQuery.ParseMaxRecords(NumberText(v, "maxRecords")) },
                "offset" => query with { Offset = Text(v, "offset") },
                "fields" => query with { Fields = Strings(v, "fields") },
                "filterByFormula" => query with { FilterByFormula = Text(v, "filterByFormula") },
                "view" => query with { View = Text(v, "view") },
                "sort" => query with { Sort = Sorts(v) },
                "returnFieldsByFieldId" => query with { ReturnFieldsByFieldId = Boolean(v, "returnFieldsByFieldId") },
                "recordMetadata" => query with { CommentCount = ListRecordsQuery.ParseMetadata(Strings(v, "recordMetadata")) },
                "cellFormat" => Checked(query, () => ListRecordsQuery.CheckCellFormat(Text(v, "cellFormat"))),
                "timeZone" or "userLocale" => query,
                _ => throw PublicApiError.InvalidRequest($"Invalid request: unknown body property \"{property.Name}\"."),
            };
        }
        return query;
    }

    private static ListRecordsQuery Checked(ListRecordsQuery query, Action check)
    {
        check();
        return query;
    }

    private static string Text(JsonElement v, string name) => v.ValueKind == JsonValueKind.String
        ? v.GetString() ?? ""
        : throw PublicApiError.InvalidRequest($"Invalid request: {name} must be a string.");

    private static string NumberText(JsonElement v, string name) => v.ValueKind == JsonValueKind.Number
        ? v.GetRawText()
        : throw PublicApiError.InvalidRequest($"Invalid request: {name} must be a number.");

    private static bool Boolean(JsonElement v, string name) => v.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw PublicApiError.InvalidRequest($"Invalid request: {name} must be a boolean."),
    };

    private static List<string> Strings(JsonElement v, string name) => v.ValueKind == JsonValueKind.Array
        ? [.. v.EnumerateArray().Select(e => Text(e, name + "[]"))]
        : throw PublicApiError.InvalidRequest($"Invalid request: {name} must be an array of strings.");

    private static List<SortSpec> Sorts(JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.Array)
        {
            throw PublicApiError.InvalidRequest("Invalid request: sort must be an array of {field, direction}.");
        }
        return [.. v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object
            ? ListRecordsQuery.ToSort(
                e.TryGetProperty("field", out var f) ? Text(f, "sort[].field") : null,
                e.TryGetProperty("direction", out var d) ? Text(d, "sort[].direction") : null)
            : throw PublicApiError.InvalidRequest("Invalid request: each sort must be an object."))];
    }
}
