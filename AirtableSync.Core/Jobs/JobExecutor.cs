using AirtableSync.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AirtableSync.Jobs;

// Runs one queued job in its own DI scope and always leaves it in a final, persisted state.
internal sealed class JobExecutor(
    IJobStore store,
    IServiceScopeFactory scopeFactory,
    JobProgressNotifier notifier,
    JobCancellation cancellation,
    TimeProvider time,
    IOptions<JobsOptions> options,
    ILogger<JobExecutor> logger)
{
    public async Task RunAsync(string jobId, CancellationToken stoppingToken)
    {
        var userCancel = cancellation.Track(jobId);
        try
        {
            var job = await store.GetJobAsync(jobId, stoppingToken);
            if (job is not { Status: JobStatus.Queued })
            {
                // Cancelled while queued, or interrupted by a restart before it got here.
                return;
            }
            using var tracker = new JobTracker(job, store, notifier, time, options.Value);
            if (userCancel.IsCancellationRequested)
            {
                await tracker.SetStateAsync(j => j with { Status = JobStatus.Cancelled, FinishedAt = tracker.Now, Error = "Cancelled before it started." });
                return;
            }
            await tracker.SetStateAsync(j => j with { Status = JobStatus.Running, StartedAt = tracker.Now });
            var (status, error) = await RunHandlerAsync(tracker, userCancel.Token, stoppingToken);
            await tracker.SetStateAsync(j => j with { Status = status, Error = error, FinishedAt = tracker.Now });
        }
        finally
        {
            cancellation.Untrack(jobId);
        }
    }

    private async Task<(JobStatus Status, string? Error)> RunHandlerAsync(JobTracker tracker, CancellationToken userCancel, CancellationToken stoppingToken)
    {
        var job = tracker.Current;
        using var jobCancel = CancellationTokenSource.CreateLinkedTokenSource(userCancel, stoppingToken);
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetKeyedService<IJobHandler>(job.Kind);
            if (handler is null || handler.Kind != job.Kind)
            {
                logger.LogError("No handler is registered for {Kind} jobs (found {Handler})", job.Kind, handler?.GetType().Name);
                return (JobStatus.Failed, $"No handler is registered for {job.Kind} jobs.");
            }
            await handler.RunAsync(new JobContext(job, tracker, jobCancel.Token), jobCancel.Token);
            var failures = tracker.FailureCount;
            return failures == 0
                ? (JobStatus.Succeeded, null)
                : (JobStatus.PartiallySucceeded, $"{failures} item(s) failed; see the job's failures.");
        }
        // Whatever a handler throws once its token fired is taken as its reaction to the cancel.
        catch (Exception) when (userCancel.IsCancellationRequested)
        {
            logger.LogInformation("Job {JobId} ({Kind}) was cancelled by the user", job.Id, job.Kind);
            return (JobStatus.Cancelled, "Cancelled by the user.");
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Job {JobId} ({Kind}) was interrupted by application shutdown", job.Id, job.Kind);
            return (JobStatus.Interrupted, "The application stopped while this job was running; resume it to continue.");
        }
        catch (Exception ex) when (ex is IFailFastException)
        {
            // Expected (revoked token, missing scope): no stack trace, and the message is written to be shown.
            logger.LogWarning("Job {JobId} ({Kind}) failed fast: {ExceptionType}: {Message}", job.Id, job.Kind, ex.GetType().Name, ex.Message);
            return (JobStatus.Failed, JobErrors.Describe(ex));
        }
        catch (Exception ex)
        {
            // Exception messages and stacks carry no secrets: tokens and cookies travel in headers, never in messages.
            logger.LogError(ex, "Job {JobId} ({Kind}) failed", job.Id, job.Kind);
            return (JobStatus.Failed, JobErrors.Describe(ex));
        }
    }
}
