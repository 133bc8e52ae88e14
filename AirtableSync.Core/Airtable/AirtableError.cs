using System.Text.Json;

namespace AirtableSync.Airtable;

// Airtable's error body, in either shape: {"error":{"type","message"}} or {"error":"NOT_FOUND"} (docs/airtable/public-api.md §4.3).
internal sealed record AirtableError(string? Type, string? Message)
{
    public const string RateLimitReached = "RATE_LIMIT_REACHED";
    public const string IteratorNotAvailable = "LIST_RECORDS_ITERATOR_NOT_AVAILABLE";

    public static readonly AirtableError None = new(null, null);

    // Never throws: an unreadable body (e.g. a proxy's HTML 502 page) simply has no type.
    public static AirtableError Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out var error))
            {
                return None;
            }
            return error.ValueKind switch
            {
                JsonValueKind.String => new AirtableError(error.GetString(), null),
                JsonValueKind.Object => new AirtableError(StringOrNull(error, "type"), StringOrNull(error, "message")),
                _ => None,
            };
        }
        catch (JsonException)
        {
            return None;
        }
    }

    public static async Task<AirtableError> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // ReadAsString buffers the content, so the client can read it again after the pipeline has looked at it.
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return Parse(body);
    }

    private static string? StringOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
