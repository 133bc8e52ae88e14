using AirtableSync.Airtable;
using AirtableSync.Analytics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirtableSync.Web.Endpoints.Api;

// Status and people analytics of a table (docs/analytics.md), computed from the local copy's revision events. Reports
// are AirtableSync.Analytics' records as they are: durations in seconds, instants in UTC, statuses by choice id and
// current name. Every report also exists as CSV (format=csv) for spreadsheets.
public static class AnalyticsApi
{
    private const int MaxStuck = 1000;

    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/tables/{tableId}/status-durations", StatusDurationsAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Per status: records in it now, visits entered and left in [from, to), time in status (median, p75, p90, max seconds).");
        api.MapGet("/tables/{tableId}/cycle-time", CycleTimeAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Time from first entering fromStatus to then entering toStatus (choice ids or names), for cycles completed in [from, to): "
                + "median, p90, histogram, median per ISO week of completion in tz.");
        api.MapGet("/tables/{tableId}/flow", FlowAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Live records per status at the end of each day of [from, to), days in tz (IANA, default UTC).");
        api.MapGet("/tables/{tableId}/stuck", StuckAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Live records in their status for longer than the status's p90, longest first (limit, default 100).");
        api.MapGet("/tables/{tableId}/assignments", AssignmentsAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Seconds each person held each record in each status in [from, to), and per period (day, week or month in tz).");
        return api;
    }

    private static async Task<Results<Ok<StatusDurationsReport>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> StatusDurationsAsync(
        string tableId, TableAnalytics analytics, TimeProvider time, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? tz = null, string? format = null)
    {
        var errors = Validate(tableId, format);
        var period = AnalyticsParameters.Period(from, to, tz, time.GetUtcNow(), errors);
        return await AnswerAsync(tableId, errors, format, () => analytics.GetStatusDurationsAsync(tableId, period!, cancellationToken), AnalyticsApiCsv.StatusDurations);
    }

    private static async Task<Results<Ok<CycleTimeReport>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> CycleTimeAsync(
        string tableId, TableAnalytics analytics, TimeProvider time, CancellationToken cancellationToken,
        string? fromStatus = null, string? toStatus = null, string? from = null, string? to = null, string? tz = null, string? format = null)
    {
        var errors = Validate(tableId, format);
        foreach (var (name, value) in new[] { ("fromStatus", fromStatus), ("toStatus", toStatus) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[name] = [$"{name} is required: a status's choice id or name."];
            }
            else if (value.Length > 1000 || value.Any(char.IsControl))
            {
                errors[name] = [$"{name} is not a status's choice id or name."];
            }
        }
        var period = AnalyticsParameters.Period(from, to, tz, time.GetUtcNow(), errors);
        try
        {
            return await AnswerAsync(tableId, errors, format,
                () => analytics.GetCycleTimeAsync(tableId, fromStatus!, toStatus!, period!, cancellationToken), AnalyticsApiCsv.CycleTime);
        }
        catch (ArgumentException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.ParamName ?? "toStatus"] = [e.Message] });
        }
    }

    private static async Task<Results<Ok<FlowReport>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> FlowAsync(
        string tableId, TableAnalytics analytics, TimeProvider time, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? tz = null, string? format = null)
    {
        var errors = Validate(tableId, format);
        var period = AnalyticsParameters.Period(from, to, tz, time.GetUtcNow(), errors);
        return await AnswerAsync(tableId, errors, format, () => analytics.GetFlowAsync(tableId, period!, cancellationToken), AnalyticsApiCsv.Flow);
    }

    private static async Task<Results<Ok<StuckReport>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> StuckAsync(
        string tableId, TableAnalytics analytics, CancellationToken cancellationToken, int limit = 100, string? format = null)
    {
        var errors = Validate(tableId, format);
        if (limit is < 1 or > MaxStuck)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxStuck}."];
        }
        return await AnswerAsync(tableId, errors, format, () => analytics.GetStuckAsync(tableId, limit, cancellationToken), AnalyticsApiCsv.Stuck);
    }

    private static async Task<Results<Ok<AssignmentReport>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> AssignmentsAsync(
        string tableId, TableAnalytics analytics, TimeProvider time, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? tz = null, string? period = null, string? format = null)
    {
        var errors = Validate(tableId, format);
        var unit = AnalyticsParameters.Unit(period, errors);
        var range = AnalyticsParameters.Period(from, to, tz, time.GetUtcNow(), errors);
        return await AnswerAsync(tableId, errors, format, () => analytics.GetAssignmentsAsync(tableId, range!, unit!.Value, cancellationToken), AnalyticsApiCsv.Assignments);
    }

    private static Dictionary<string, string[]> Validate(string tableId, string? format)
    {
        var errors = new Dictionary<string, string[]>();
        if (!AirtableIds.IsTableId(tableId))
        {
            errors["tableId"] = [$"'{tableId}' is not an Airtable table id."];
        }
        if (format is not (null or "json" or "csv"))
        {
            errors["format"] = ["format must be json or csv."];
        }
        return errors;
    }

    // Every report's answer: 400 with every error found (a parameter that did not parse is always among them, so the
    // report is read only with all of them valid), 404 for a table not in the local copy, else the report as JSON or CSV.
    private static async Task<Results<Ok<T>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> AnswerAsync<T>(
        string tableId, Dictionary<string, string[]> errors, string? format, Func<Task<T?>> read, Func<T, string> csv) where T : class
    {
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await read() is not { } report ? NotFound(tableId)
            : format == "csv" ? TypedResults.Text(csv(report), "text/csv; charset=utf-8") : TypedResults.Ok(report);
    }

    private static ProblemHttpResult NotFound(string tableId) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = $"Table '{tableId}' is not in the local copy.",
    });
}
