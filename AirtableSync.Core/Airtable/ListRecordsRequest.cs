namespace AirtableSync.Airtable;

// Options of one record scan (docs/airtable/public-api.md §3.1). Fields are always keyed by field id
// (returnFieldsByFieldId=true): names change, ids do not (§6). Prefer field ids in Fields,
// Sort and inside FilterByFormula ({fld…}).
public sealed record ListRecordsRequest
{
    // Only these fields (names or ids); null for all. Many ids may push the URL over 16,000 chars — the client then POSTs.
    public IReadOnlyList<string>? Fields { get; init; }

    public string? FilterByFormula { get; init; }

    // Without a sort or view Airtable's order is unspecified (§6).
    public IReadOnlyList<AirtableSort>? Sort { get; init; }

    // View name or id: only its records, in its order; hidden fields are still returned.
    public string? View { get; init; }

    // Cap on records over all pages.
    public int? MaxRecords { get; init; }

    // 1..100 (Airtable's maximum and default).
    public int PageSize { get; init; } = 100;

    // "json" (default) or "string"; "string" needs TimeZone and UserLocale and is unstable (§2.4).
    public string? CellFormat { get; init; }

    public string? TimeZone { get; init; }

    public string? UserLocale { get; init; }
}

public sealed record AirtableSort(string Field, bool Descending = false);
