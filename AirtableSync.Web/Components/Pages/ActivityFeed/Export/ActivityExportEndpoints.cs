using AirtableSync.Web.Components.Pages.RecordList.Export;
using AirtableSync.Storage;
using AirtableSync.Web.Endpoints.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace AirtableSync.Web.Components.Pages.ActivityFeed.Export;

// CSV of what the feed's filters select, in two places with one handler: under /api (API keys), and beside the pages, where it
// rides on the sign-in cookie and the fallback policy (any signed-in role) so the Activity page can link to it, as the
// records export does.
public static class ActivityExportEndpoints
{
    public const string Pattern = "/bases/{baseId}/activity.csv";
    public const string ApiPattern = "/bases/{baseId}/activity.csv";

    public static IEndpointRouteBuilder MapActivityExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Pattern, ExportAsync).WithName("ExportActivityCsv");
        return app;
    }

    // Relative to the app's base, as the Activity page links to it, with the API's parameter names.
    public static string Href(string baseId, string query) =>
        $"bases/{Uri.EscapeDataString(baseId)}/activity.csv" + (query.Length == 0 ? "" : "?" + query);

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> ExportAsync(
        string baseId, HttpContext http, ISchemaStore schemaStore, IRecordStore recordStore, IRevisionStore revisionStore, CancellationToken cancellationToken)
    {
        if (await schemaStore.GetBaseAsync(baseId, cancellationToken) is not { } @base)
        {
            return TypedResults.Problem(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"Base '{baseId}' is not in the local copy." });
        }
        var tables = await schemaStore.ListTablesAsync(baseId, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if (ActivityParameters.Of(http.Request.Query).ToQuery(baseId, tables, errors) is not { } query)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var table = tables.FirstOrDefault(t => t.Id == query.TableId);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"\"{FileName(@base, table)}\"" }.ToString();
        await ActivityCsvWriter.WriteAsync(revisionStore, recordStore, schemaStore, new ActivitySchema(tables), query, http.Response.Body, cancellationToken);
        return TypedResults.Empty;
    }

    // ASCII letters, digits, dot, dash and underscore only: nothing a header or a file system can misread.
    internal static string FileName(StoredBase @base, StoredTable? table) =>
        string.Join('-', [RecordExportEndpoints.Safe(@base.Name, @base.Id), .. table is null ? Array.Empty<string>() : [RecordExportEndpoints.Safe(table.Name, table.Id)], "activity"]) + ".csv";
}
