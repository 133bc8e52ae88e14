using System.Security.Claims;
using AirtableSync.Airtable;
using AirtableSync.Jobs;
using AirtableSync.Storage;
using AirtableSync.Sync;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirtableSync.Web.Endpoints.Api;

public static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/syncs", StartSyncAsync);
        api.MapGet("/jobs", ListJobsAsync);
        // Refusals are TypedResults.Problem, not NotFound(problem): only Problem answers application/problem+json.
        api.MapGet("/jobs/{jobId}", GetJobAsync).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/jobs/{jobId}/cancel", CancelJobAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/jobs/{jobId}/resume", ResumeJobAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Accepted<StartSyncResponse>, ValidationProblem>> StartSyncAsync(
        StartSyncRequest? request, JobQueue queue, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        SyncMode mode = SyncMode.Full;
        if (request?.Mode is { } text && !Enum.TryParse(text, ignoreCase: true, out mode))
        {
            errors["mode"] = ["mode must be \"full\" or \"incremental\"."];
        }
        if (request?.BaseIds?.FirstOrDefault(id => !AirtableIds.IsBaseId(id)) is { } badId)
        {
            errors["baseIds"] = [$"'{badId}' is not an Airtable base id (app followed by 14 letters or digits)."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var job = await queue.EnqueueAsync(SyncJobKinds.For(mode),
            new SyncRequest(request?.BaseIds, request?.IncludeRevisions ?? false), JobOrigin.Api(RequesterName(user)), cancellationToken);
        return TypedResults.Accepted($"/api/v1/jobs/{job.Id}", new StartSyncResponse(job.Id));
    }

    private static async Task<Ok<JobResponse[]>> ListJobsAsync(IJobStore store, CancellationToken cancellationToken, int limit = 50)
    {
        var jobs = await store.ListJobsAsync(Math.Clamp(limit, 1, 500), cancellationToken);
        return TypedResults.Ok(jobs.Select(JobResponse.From).ToArray());
    }

    private static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> GetJobAsync(string jobId, IJobStore store, CancellationToken cancellationToken) =>
        await store.GetJobAsync(jobId, cancellationToken) is { } job
            ? TypedResults.Ok(JobResponse.From(job))
            : TypedResults.Problem(JobNotFound(jobId));

    private static async Task<Results<Accepted<JobResponse>, ProblemHttpResult>> CancelJobAsync(
        string jobId, JobCancellation cancellation, IJobStore store, CancellationToken cancellationToken)
    {
        var outcome = await cancellation.CancelAsync(jobId, cancellationToken);
        if (outcome == JobCancelOutcome.NotFound || await store.GetJobAsync(jobId, cancellationToken) is not { } job)
        {
            return TypedResults.Problem(JobNotFound(jobId));
        }
        return outcome == JobCancelOutcome.NotCancellable
            ? TypedResults.Problem(new ProblemDetails { Status = 409, Title = "Job already finished", Detail = $"Job {jobId} is {job.Status} and cannot be cancelled." })
            : TypedResults.Accepted($"/api/v1/jobs/{jobId}", JobResponse.From(job));
    }

    private static async Task<Results<Accepted<StartSyncResponse>, ProblemHttpResult>> ResumeJobAsync(
        string jobId, JobResumption resumption, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // JobResumption owns the rule for which jobs can be resumed; its refusals become 404 and 409.
        try
        {
            var resumed = await resumption.ResumeAsync(jobId, RequesterName(user), cancellationToken);
            return TypedResults.Accepted($"/api/v1/jobs/{resumed.Id}", new StartSyncResponse(resumed.Id));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.Problem(JobNotFound(jobId));
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(new ProblemDetails { Status = 409, Title = "Job cannot be resumed", Detail = e.Message });
        }
    }

    // The API key's name; a browser session calling the API is named by its user.
    private static string? RequesterName(ClaimsPrincipal user) =>
        user.FindFirstValue(ApiKeyAuthenticationHandler.KeyNameClaim) ?? user.Identity?.Name;

    private static ProblemDetails JobNotFound(string jobId) =>
        new() { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = $"No job with id '{jobId}'." };
}
