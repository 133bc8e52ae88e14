using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AirtableSync.Jobs;

// The pump: Jobs:MaxConcurrentJobs loops read job ids from JobQueue and run each through
// JobExecutor. Nothing a job does can end a loop; on shutdown running jobs end Interrupted and
// jobs still queued are marked Interrupted by JobStartupRecovery at the next start.
internal sealed class JobRunner(
    JobQueue queue,
    JobExecutor executor,
    JobStartupRecovery recovery,
    IOptions<JobsOptions> options,
    ILogger<JobRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await recovery.Completion.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        var loops = Enumerable.Range(0, options.Value.MaxConcurrentJobs).Select(_ => PumpAsync(stoppingToken));
        await Task.WhenAll(loops);
    }

    private async Task PumpAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var jobId in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await executor.RunAsync(jobId, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // Typically the store being unreachable; the job stays as stored and the loop goes on.
                    logger.LogError(ex, "Job {JobId} could not be run", jobId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
