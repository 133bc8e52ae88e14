namespace AirtableSync.Airtable;

/// <summary>
/// Options of one record scan (docs/airtable/public-api.md §3.1). Fields are always keyed by field id
/// (<c>returnFieldsByFieldId=true</c>): names change, ids do not (§6). Prefer field ids in <see cref="Fields"/>,
/// <see cref="Sort"/> and inside <see cref="FilterByFormula"/> (<c>{fld…}</c>).
/// </summary>
public sealed record ListRecordsRequest
{
    /// <summary>Only these fields (names or ids); null for all. Many ids may push the URL over 16,000 chars — the client then POSTs.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    public string? FilterByFormula { get; init; }

    /// <summary>Without a sort or view Airtable's order is unspecified (§6).</summary>
    public IReadOnlyList<AirtableSort>? Sort { get; init; }

    /// <summary>View name or id: only its records, in its order; hidden fields are still returned.</summary>
    public string? View { get; init; }

    /// <summary>Cap on records over all pages.</summary>
    public int? MaxRecords { get; init; }

    /// <summary>1..100 (Airtable's maximum and default).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>"json" (default) or "string"; "string" needs <see cref="TimeZone"/> and <see cref="UserLocale"/> and is unstable (§2.4).</summary>
    public string? CellFormat { get; init; }

    public string? TimeZone { get; init; }

    public string? UserLocale { get; init; }
}

public sealed record AirtableSort(string Field, bool Descending = false);
