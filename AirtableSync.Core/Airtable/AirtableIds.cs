namespace AirtableSync.Airtable;

// Airtable ids are a 3-letter prefix plus 14 alphanumerics (docs/airtable/public-api.md §3.7); anything else is a typo.
public static class AirtableIds
{
    public static bool IsBaseId(string? id) => Is(id, "app");

    public static bool IsTableId(string? id) => Is(id, "tbl");

    public static bool IsRecordId(string? id) => Is(id, "rec");

    private static bool Is(string? id, string prefix) =>
        id is { Length: 17 } && id.StartsWith(prefix, StringComparison.Ordinal) && id.AsSpan(3).ContainsAnyExcept(Alphanumerics) == false;

    private static readonly System.Buffers.SearchValues<char> Alphanumerics =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
}
