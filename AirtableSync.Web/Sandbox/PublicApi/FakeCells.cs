using System.Text.Json;
using System.Text.Json.Nodes;

namespace AirtableSync.Sandbox.PublicApi;

/// <summary>Airtable's notion of an empty cell and its timestamp format.</summary>
public static class FakeCells
{
    /// <summary>
    /// Airtable never returns "", [], false or null in <c>fields</c>: such cells are omitted (docs/airtable/public-api.md §3.1),
    /// so the fake never stores them either.
    /// </summary>
    public static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length == 0,
        JsonValue v => v.GetValueKind() is JsonValueKind.False or JsonValueKind.Null,
        _ => false,
    };

    // Whatever CLR type built the node: an int node refuses GetValue<double>.
    public static double? AsNumber(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>ISO-8601 UTC with milliseconds and Z, e.g. 2022-09-05T07:00:00.000Z (docs/airtable/public-api.md §2.3 dateTime).</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string FormatDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
