namespace AirtableSync.Airtable;

// One API request to make (and remake after a 401 refresh). Endpoint names it in errors and logs without the query.
internal sealed record AirtableCall(HttpMethod Method, string PathAndQuery, string Endpoint, string? BaseId, string? JsonBody = null)
{
    public static AirtableCall Get(string path, string? baseId, string query = "") =>
        new(HttpMethod.Get, path + query, $"GET /{path}", baseId);

    public static string Segment(string value, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, what);
        return Uri.EscapeDataString(value);
    }
}
