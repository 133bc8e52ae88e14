using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace AirtableSync.Sandbox.PublicApi;

internal sealed record SortSpec(string Field, bool Descending);

// docs/airtable/public-api.md §3.1 (GET) and §3.2 (POST body).
internal sealed partial record ListRecordsQuery
{
    public int PageSize { get; init; } = 100;
    public int? MaxRecords { get; init; }
    public string? Offset { get; init; }
    public IReadOnlyList<string>? Fields { get; init; }
    public string? FilterByFormula { get; init; }
    public IReadOnlyList<SortSpec> Sort { get; init; } = [];
    public string? View { get; init; }
    public bool ReturnFieldsByFieldId { get; init; }
    public bool CommentCount { get; init; }

    // GET /v0/{baseId}/{table}: fields[]=…, sort[0][field]=…, etc.
    public static ListRecordsQuery FromQueryString(IQueryCollection query)
    {
        var fields = new List<string>();
        var sorts = new SortedDictionary<int, (string? Field, string? Direction)>();
        var metadata = new List<string>();
        foreach (var (key, values) in query)
        {
            if (key is "fields[]" || FieldsIndexKey().IsMatch(key))
            {
                fields.AddRange(values.OfType<string>());
            }
            else if (key is "recordMetadata[]" || MetadataIndexKey().IsMatch(key))
            {
                metadata.AddRange(values.OfType<string>());
            }
            else if (SortKey().Match(key) is { Success: true } m)
            {
                var index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                var value = QueryParameters.Single(query, key);
                var entry = sorts.GetValueOrDefault(index);
                sorts[index] = m.Groups[2].Value == "field" ? entry with { Field = value } : entry with { Direction = value };
            }
            else if (key is not ("pageSize" or "maxRecords" or "offset" or "filterByFormula" or "view" or "cellFormat"
                or "timeZone" or "userLocale" or "returnFieldsByFieldId"))
            {
                throw PublicApiError.InvalidRequest($"Invalid request: parameter validation failed. Unknown parameter \"{key}\".");
            }
        }
        CheckCellFormat(QueryParameters.Single(query, "cellFormat"));
        return new ListRecordsQuery
        {
            PageSize = ParsePageSize(QueryParameters.Single(query, "pageSize")),
            MaxRecords = ParseMaxRecords(QueryParameters.Single(query, "maxRecords")),
            Offset = QueryParameters.Single(query, "offset"),
            Fields = query.Keys.Any(k => k.StartsWith("fields[", StringComparison.Ordinal)) ? fields : null,
            FilterByFormula = QueryParameters.Single(query, "filterByFormula"),
            Sort = [.. sorts.Values.Select(s => ToSort(s.Field, s.Direction))],
            View = QueryParameters.Single(query, "view"),
            ReturnFieldsByFieldId = QueryParameters.Boolean(QueryParameters.Single(query, "returnFieldsByFieldId"), "returnFieldsByFieldId"),
            CommentCount = ParseMetadata(metadata),
        };
    }

    internal static int ParsePageSize(string? value)
    {
        if (value is null)
        {
            return 100;
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= 100
            ? size
            : throw PublicApiError.InvalidRequest("Invalid request: parameter validation failed. pageSize must be between 1 and 100.");
    }

    internal static int? ParseMaxRecords(string? value)
    {
        if (value is null)
        {
            return null;
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max >= 1
            ? max
            : throw PublicApiError.InvalidRequest("Invalid request: parameter validation failed. maxRecords must be a positive integer.");
    }

    // cellFormat=string returns locale-formatted strings Airtable says not to rely on (docs/airtable/public-api.md §2.4);
    // the fake does not imitate them and refuses the request rather than answer in the wrong format.
    internal static void CheckCellFormat(string? value)
    {
        if (value is not (null or "json"))
        {
            throw PublicApiError.InvalidRequest("Invalid request: the fake Airtable supports only cellFormat=json.");
        }
    }

    internal static SortSpec ToSort(string? field, string? direction) => direction switch
    {
        _ when string.IsNullOrEmpty(field) => throw PublicApiError.InvalidRequest("Invalid request: every sort needs a field."),
        null or "asc" => new SortSpec(field, false),
        "desc" => new SortSpec(field, true),
        _ => throw PublicApiError.InvalidRequest($"Invalid request: sort direction \"{direction}\" must be asc or desc."),
    };

    internal static bool ParseMetadata(IReadOnlyList<string> metadata) => metadata.All(m => m == "commentCount")
        ? metadata.Count > 0
        : throw PublicApiError.InvalidRequest("Invalid request: recordMetadata accepts only commentCount.");

    [GeneratedRegex(@"^fields\[\d+\]$")]
    private static partial Regex FieldsIndexKey();

    [GeneratedRegex(@"^recordMetadata\[\d+\]$")]
    private static partial Regex MetadataIndexKey();

    [GeneratedRegex(@"^sort\[(\d+)\]\[(field|direction)\]$")]
    private static partial Regex SortKey();
}
