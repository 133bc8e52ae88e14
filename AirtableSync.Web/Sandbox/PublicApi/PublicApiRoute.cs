namespace AirtableSync.Sandbox.PublicApi;

internal enum PublicApiRouteKind { WhoAmI, ListBases, BaseSchema, ListRecords, ListRecordsPost, GetRecord }

// Anything else is 404 {"error":"NOT_FOUND"}.
internal sealed record PublicApiRoute(PublicApiRouteKind Kind, string? BaseId = null, string? Table = null, string? RecordId = null)
{
    // /v0/meta/* answer even when the billing quota is spent (docs/airtable/public-api.md §4.2).
    public bool IsMeta => Kind is PublicApiRouteKind.WhoAmI or PublicApiRouteKind.ListBases or PublicApiRouteKind.BaseSchema;

    // docs/airtable/public-api.md §1.4–1.5: whoami needs no scope.
    public string? RequiredScope => Kind switch
    {
        PublicApiRouteKind.WhoAmI => null,
        PublicApiRouteKind.ListBases or PublicApiRouteKind.BaseSchema => "schema.bases:read",
        _ => "data.records:read",
    };

    /// <param name="segments">The decoded path segments after /v0/.</param>
    public static PublicApiRoute? Match(string method, IReadOnlyList<string> segments)
    {
        if (segments.Any(s => s.Length == 0))
        {
            return null;
        }
        var get = method == "GET";
        return segments switch
        {
            ["meta", "whoami"] when get => new(PublicApiRouteKind.WhoAmI),
            ["meta", "bases"] when get => new(PublicApiRouteKind.ListBases),
            ["meta", "bases", var baseId, "tables"] when get => new(PublicApiRouteKind.BaseSchema, baseId),
            ["meta", ..] => null,
            [var baseId, var table] when get => new(PublicApiRouteKind.ListRecords, baseId, table),
            [var baseId, var table, "listRecords"] when method == "POST" => new(PublicApiRouteKind.ListRecordsPost, baseId, table),
            [var baseId, var table, var recordId] when get => new(PublicApiRouteKind.GetRecord, baseId, table, recordId),
            _ => null,
        };
    }

    // For logs and faults, even when the route is unknown.
    public static string? GuessBaseId(IReadOnlyList<string> segments) =>
        segments.FirstOrDefault(s => s.StartsWith("app", StringComparison.Ordinal) && s.Length == 17);
}
