using AirtableSync.Analytics;
using AirtableSync.Storage;
using AirtableSync.Web.Components.Pages.RecordList;
using AirtableSync.Web.Components.Pages.RecordList.Export;
using Microsoft.Net.Http.Headers;

namespace AirtableSync.Web.Components.Pages.Analytics;

// CSV of what an analytics view shows, for analysts. Like the records export, a plain GET outside /api that rides on
// the sign-in cookie, so the page can link to it; the view's query (days, statuses, grouping) plus the viewer's zone
// decide the rows, exactly as on the page.
public static class AnalyticsExportEndpoints
{
    public const string Pattern = "/bases/{baseId}/tables/{tableId}/analytics/{report}.csv";
    // The stuck list on the page shows this many; the file has them all up to this cap.
    public const int StuckLimit = 10_000;

    public static IEndpointRouteBuilder MapAnalyticsExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Pattern, ExportAsync).WithName("ExportAnalyticsCsv");
        return app;
    }

    public static string Href(string baseId, string tableId, AnalyticsExport report, AnalyticsView view, TimeZoneInfo zone, DateOnly today)
    {
        var query = view.Query(today);
        // The zone is always sent: the server cannot know the viewer's, and its days are the viewer's days.
        query = (query.Length == 0 ? "" : query + "&") + "tz=" + Uri.EscapeDataString(zone.Id);
        return $"bases/{Uri.EscapeDataString(baseId)}/tables/{Uri.EscapeDataString(tableId)}/analytics/{Slug(report)}.csv?{query}";
    }

    internal static string Slug(AnalyticsExport report) => report switch
    {
        AnalyticsExport.StatusDurations => "status-durations",
        AnalyticsExport.Stuck => "stuck",
        AnalyticsExport.CycleTime => "cycle-time",
        AnalyticsExport.Flow => "flow",
        AnalyticsExport.Assignments => "assignments",
        AnalyticsExport.AssignmentPeriods => "assignment-periods",
        _ => throw new ArgumentOutOfRangeException(nameof(report)),
    };

    private static async Task<IResult> ExportAsync(string baseId, string tableId, string report, string? tz, ISchemaStore schemaStore, IRecordStore recordStore,
        TableAnalytics analytics, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var kind = Enum.GetValues<AnalyticsExport>().Cast<AnalyticsExport?>().FirstOrDefault(k => Slug(k!.Value) == report);
        var @base = await schemaStore.GetBaseAsync(baseId, cancellationToken);
        var table = @base is null ? null : await schemaStore.GetTableAsync(baseId, tableId, cancellationToken);
        if (kind is null || @base is null || table is null)
        {
            return Results.NotFound();
        }
        var zone = TimeZoneInfo.Utc;
        if (tz is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(tz, out zone))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["tz"] = [$"'{tz}' is not a time zone this server knows."] });
        }
        var today = AnalyticsView.Today(time, zone);
        var view = AnalyticsView.Parse(http.Request.QueryString.Value ?? "", today);
        var period = view.Period(zone);
        if (kind is AnalyticsExport.CycleTime && (view.FromStatus is null || view.ToStatus is null))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["fromStatus"] = ["Choose the two statuses the cycle goes between (fromStatus and toStatus)."] });
        }

        async Task<IReadOnlyDictionary<string, string>> TitlesAsync(IEnumerable<string> ids) =>
            await RecordTitles.ResolveAsync(recordStore, schemaStore, baseId, ids.ToHashSet(StringComparer.Ordinal), cancellationToken);

        IEnumerable<string>? lines = kind switch
        {
            AnalyticsExport.StatusDurations => await analytics.GetStatusDurationsAsync(tableId, period, cancellationToken) is { } r ? AnalyticsCsv.StatusDurations(r) : null,
            AnalyticsExport.Stuck => await analytics.GetStuckAsync(tableId, StuckLimit, cancellationToken) is { } r
                ? AnalyticsCsv.Stuck(r, await TitlesAsync(r.Records.Select(x => x.RecordId))) : null,
            AnalyticsExport.CycleTime => await analytics.GetCycleTimeAsync(tableId, view.FromStatus!, view.ToStatus!, period, cancellationToken) is { } r
                ? AnalyticsCsv.CycleTime(r, await TitlesAsync(r.Cycles.Select(x => x.RecordId))) : null,
            AnalyticsExport.Flow => await analytics.GetFlowAsync(tableId, period, cancellationToken) is { } r ? AnalyticsCsv.Flow(r) : null,
            AnalyticsExport.Assignments => await analytics.GetAssignmentsAsync(tableId, period, view.Unit, cancellationToken) is { } r
                ? AnalyticsCsv.Assignments(r, await TitlesAsync(r.Rows.Select(x => x.RecordId))) : null,
            _ => await analytics.GetAssignmentsAsync(tableId, period, view.Unit, cancellationToken) is { } r ? AnalyticsCsv.AssignmentPeriods(r) : null,
        };
        if (lines is null)
        {
            return Results.NotFound();
        }
        var name = RecordExportEndpoints.FileName(@base, table)[..^".csv".Length];
        var disposition = new ContentDispositionHeaderValue("attachment") { FileName = $"\"{name}-{report}-{AnalyticsView.DayText(view.From)}-{AnalyticsView.DayText(view.To)}.csv\"" };
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = disposition.ToString();
        await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        foreach (var line in lines)
        {
            await writer.WriteAsync(line.AsMemory(), cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
        return Results.Empty;
    }
}
