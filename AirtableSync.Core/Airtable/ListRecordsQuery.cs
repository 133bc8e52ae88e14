using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AirtableSync.Airtable;

// Turns a ListRecordsRequest into the GET query string or, when that URL would pass Airtable's
// 16,000-character limit, the POST …/listRecords body (docs/airtable/public-api.md §3.2). With POST, timeZone and
// userLocale stay in the query string (the body parser ignores them) and the page offset goes in the body only
// (sending it as a query parameter looped pyairtable forever, #415).
internal sealed class ListRecordsQuery
{
    public const int MaxUrlLength = 16_000;

    // Room for "&offset=itr…%2Frec…" on later pages, so that every page of a scan uses the same verb.
    private const int OffsetReserve = 64;

    private readonly ListRecordsRequest _request;
    private readonly string _path;
    private readonly string _baseId;

    public ListRecordsQuery(string baseId, string tableId, ListRecordsRequest request)
    {
        if (request.PageSize is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.PageSize, "PageSize must be 1..100 (Airtable's maximum is 100).");
        }
        _request = request;
        _baseId = baseId;
        _path = $"v0/{AirtableCall.Segment(baseId, nameof(baseId))}/{AirtableCall.Segment(tableId, nameof(tableId))}";
    }

    // Decided once per scan from the first page's full URL.
    public bool NeedsPost(Uri apiBaseUrl) =>
        apiBaseUrl.AbsoluteUri.TrimEnd('/').Length + 1 + _path.Length + GetQuery(null).Length + OffsetReserve > MaxUrlLength;

    public AirtableCall Page(string? offset, bool usePost) => usePost
        ? new AirtableCall(HttpMethod.Post, _path + "/listRecords" + LocaleQuery(), $"POST /{_path}/listRecords", _baseId, PostBody(offset))
        : AirtableCall.Get(_path, _baseId, GetQuery(offset));

    private string GetQuery(string? offset)
    {
        var query = new StringBuilder();
        Add(query, "pageSize", _request.PageSize.ToString(CultureInfo.InvariantCulture));
        if (_request.MaxRecords is { } max)
        {
            Add(query, "maxRecords", max.ToString(CultureInfo.InvariantCulture));
        }
        Add(query, "returnFieldsByFieldId", "true");
        Add(query, "cellFormat", _request.CellFormat);
        Add(query, "timeZone", _request.TimeZone);
        Add(query, "userLocale", _request.UserLocale);
        Add(query, "view", _request.View);
        Add(query, "filterByFormula", _request.FilterByFormula);
        foreach (var field in _request.Fields ?? [])
        {
            Add(query, "fields[]", field);
        }
        var index = 0;
        foreach (var sort in _request.Sort ?? [])
        {
            Add(query, $"sort[{index}][field]", sort.Field);
            Add(query, $"sort[{index}][direction]", sort.Descending ? "desc" : "asc");
            index++;
        }
        Add(query, "offset", offset);
        return query.ToString();
    }

    private string LocaleQuery()
    {
        var query = new StringBuilder();
        Add(query, "timeZone", _request.TimeZone);
        Add(query, "userLocale", _request.UserLocale);
        return query.ToString();
    }

    private string PostBody(string? offset)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("pageSize", _request.PageSize);
            if (_request.MaxRecords is { } max)
            {
                json.WriteNumber("maxRecords", max);
            }
            json.WriteBoolean("returnFieldsByFieldId", true);
            WriteIfSet(json, "cellFormat", _request.CellFormat);
            WriteIfSet(json, "view", _request.View);
            WriteIfSet(json, "filterByFormula", _request.FilterByFormula);
            if (_request.Fields is { } fields)
            {
                json.WriteStartArray("fields");
                foreach (var field in fields)
                {
                    json.WriteStringValue(field);
                }
                json.WriteEndArray();
            }
            if (_request.Sort is { } sorts)
            {
                json.WriteStartArray("sort");
                foreach (var sort in sorts)
                {
                    json.WriteStartObject();
                    json.WriteString("field", sort.Field);
                    json.WriteString("direction", sort.Descending ? "desc" : "asc");
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            WriteIfSet(json, "offset", offset);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Add(StringBuilder query, string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
