using System.Security.Claims;
using System.Text.Json;
using AirtableSync.Sync;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirtableSync.Web.Endpoints.Api;

/// <param name="IncrementalCron">Five-field cron; null or empty turns the incremental sync off.</param>
/// <param name="FullCron">Five-field cron; null or empty turns the full sync off.</param>
/// <param name="TimeZone">IANA id the crons are read in; missing or empty means UTC.</param>
public sealed record ScheduleRequest(string? IncrementalCron, string? FullCron, string? TimeZone);

/// <param name="NextIncrementalAt">The next incremental sync, in UTC; null when that schedule is off.</param>
/// <param name="NextFullAt">The next full sync, in UTC; null when that schedule is off.</param>
public sealed record ScheduleResponse(string? IncrementalCron, string? FullCron, string TimeZone, DateTimeOffset? NextIncrementalAt, DateTimeOffset? NextFullAt)
{
    public static ScheduleResponse From(SyncSchedule schedule, DateTimeOffset now)
    {
        var zone = schedule.Zone();
        return new(schedule.IncrementalCron, schedule.FullCron, schedule.TimeZone,
            SyncSchedule.NextAfter(schedule.IncrementalCron, zone, now)?.ToUniversalTime(),
            SyncSchedule.NextAfter(schedule.FullCron, zone, now)?.ToUniversalTime());
    }
}

// The same stored schedule the Settings page edits.
public static class ScheduleApi
{
    public static RouteGroupBuilder MapScheduleApi(this RouteGroupBuilder api)
    {
        api.MapGet("/schedule", GetScheduleAsync)
            .WithSummary("Read the sync schedule")
            .WithDescription("The cron expressions for incremental and full syncs, the time zone they are read in, and when each runs next (null when off).");
        api.MapPut("/schedule", SaveScheduleAsync)
            .WithSummary("Change the sync schedule")
            .WithDescription("Replaces the schedule; a missing time zone means UTC. A bad cron or an unknown zone answers 400 and nothing is saved. Needs an admin key.");
        return api;
    }

    private static async Task<Ok<ScheduleResponse>> GetScheduleAsync(SyncScheduleStore schedules, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(ScheduleResponse.From(await schedules.GetAsync(cancellationToken), time.GetUtcNow()));

    private static async Task<Results<Ok<ScheduleResponse>, ValidationProblem>> SaveScheduleAsync(
        ScheduleRequest? request, SyncScheduleStore schedules, TimeProvider time, ClaimsPrincipal caller, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A schedule is required: { \"incrementalCron\", \"fullCron\", \"timeZone\" }."] });
        }
        var schedule = new SyncSchedule(request.IncrementalCron, request.FullCron,
            string.IsNullOrWhiteSpace(request.TimeZone) ? SyncSchedule.Utc : request.TimeZone);
        // The schedule's own checks, every field at once, named as the JSON names them.
        if (schedule.Problems() is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems.ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Field), p => new[] { p.Problem }));
        }
        SyncSchedule saved;
        try
        {
            saved = await schedules.SaveAsync(schedule, cancellationToken);
        }
        catch (ArgumentException e)
        {
            // The store stays the authority: a rule it gains later still answers 400, not 500.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["schedule"] = [ProblemText(e)] });
        }

        // Crons and a zone id only: nothing here is secret, and the caller is the key's name, never the key.
        loggers.CreateLogger(typeof(ScheduleApi)).LogInformation(
            "Sync schedule changed over the REST API by {Caller}: incremental {IncrementalCron}, full {FullCron}, time zone {TimeZone}",
            caller.Identity?.Name, saved.IncrementalCron ?? "off", saved.FullCron ?? "off", saved.TimeZone);
        return TypedResults.Ok(ScheduleResponse.From(saved, time.GetUtcNow()));
    }

    // ArgumentException appends " (Parameter 'schedule')" to its Message; the caller wants the sentence alone.
    private static string ProblemText(ArgumentException e) =>
        e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
}
