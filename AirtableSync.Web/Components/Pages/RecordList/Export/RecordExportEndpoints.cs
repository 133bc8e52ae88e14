using System.Text.RegularExpressions;
using AirtableSync.Storage;
using Microsoft.Net.Http.Headers;

namespace AirtableSync.Web.Components.Pages.RecordList.Export;

// CSV download of a table's local records, for analysts (issue #9). A plain GET outside /api: it rides on the sign-in
// cookie and the fallback policy (any signed-in role), so the records page can link to it.
public static partial class RecordExportEndpoints
{
    public const string Pattern = "/bases/{baseId}/tables/{tableId}/export.csv";

    public static IEndpointRouteBuilder MapRecordExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Pattern, ExportAsync).WithName("ExportRecordsCsv");
        return app;
    }

    // Relative to the app's base, as the records page links to it, carrying the grid's view (search, deleted, sort,
    // filters with the REST API's keys) and the viewer's zone, in which a date filter's days are days.
    public static string Href(string baseId, string tableId, RecordBrowse browse, TimeZoneInfo? zone = null)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(browse.Search))
        {
            query.Add("q=" + Uri.EscapeDataString(browse.Search));
        }
        if (browse.ShowDeleted)
        {
            query.Add("includeDeleted=true");
        }
        if (browse.SortFieldId is { } sort)
        {
            query.Add("sort=" + Uri.EscapeDataString(sort));
            if (browse.Descending)
            {
                query.Add("desc=true");
            }
        }
        query.AddRange(RecordBrowse.FilterPairs(browse.ActiveFilters).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        if (zone is not null && zone != TimeZoneInfo.Utc && browse.ActiveFilters.Any(f => f is DateRangeFilter))
        {
            query.Add("tz=" + Uri.EscapeDataString(zone.Id));
        }
        var path = $"bases/{Uri.EscapeDataString(baseId)}/tables/{Uri.EscapeDataString(tableId)}/export.csv";
        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    private static async Task<IResult> ExportAsync(
        string baseId, string tableId, string? q, bool? includeDeleted, string? sort, bool? desc, string? tz, ISchemaStore schemaStore, IRecordStore recordStore, HttpContext http, CancellationToken cancellationToken)
    {
        var @base = await schemaStore.GetBaseAsync(baseId, cancellationToken);
        var table = @base is null ? null : await schemaStore.GetTableAsync(baseId, tableId, cancellationToken);
        if (@base is null || table is null)
        {
            return Results.NotFound();
        }
        // Only a column the grid shows can be sorted on; anything else would silently export in another order.
        if (sort is not null && !RecordCells.Columns(table).Any(field => field.Id == sort))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown sort field",
                detail: $"Table {table.Name} has no field '{sort}' to sort the export by.");
        }
        var errors = new Dictionary<string, string[]>();
        var filters = Endpoints.Api.RecordFilterParameters.Read(http.Request.Query, table, errors);
        TimeZoneInfo? zone = null;
        if (tz is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(tz, out zone))
        {
            errors["tz"] = [$"'{tz}' is not a time zone this server knows."];
        }
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }
        var disposition = new ContentDispositionHeaderValue("attachment") { FileName = $"\"{FileName(@base, table)}\"" };
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = disposition.ToString();
        var view = new RecordBrowse(q, includeDeleted ?? false, sort, desc ?? false, filters);
        await RecordCsvWriter.WriteAsync(recordStore, schemaStore, table, view, zone, http.Response.Body, cancellationToken);
        return Results.Empty;
    }

    // ASCII letters, digits, dot, dash and underscore only: nothing a header or a file system can misread.
    internal static string FileName(StoredBase @base, StoredTable table) =>
        $"{Safe(@base.Name, @base.Id)}-{Safe(table.Name, table.Id)}.csv";

    // One part of a download's file name (a base's or table's name); its id when nothing of the name is safe.
    internal static string Safe(string name, string fallback)
    {
        var safe = Unsafe().Replace(name, "-").Trim('-', '.');
        safe = safe.Length > 60 ? safe[..60].TrimEnd('-', '.') : safe;
        return safe.Length > 0 ? safe : fallback;
    }

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex Unsafe();
}
