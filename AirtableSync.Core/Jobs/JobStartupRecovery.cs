using AirtableSync.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Jobs;

// Marks jobs a dead process left Queued or Running as Interrupted, before JobRunner consumes
// anything: the in-memory queue did not survive, so those jobs would otherwise look alive forever.
// Registered before the runner, and the runner also waits for Completion in case hosted
// services are started concurrently.
internal sealed class JobStartupRecovery(IJobStore store, TimeProvider time, ILogger<JobStartupRecovery> logger) : IHostedService
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completion => _completion.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var interrupted = await store.InterruptUnfinishedJobsAsync(time.GetUtcNow(), cancellationToken);
            if (interrupted.Count > 0)
            {
                logger.LogWarning("{Count} job(s) left unfinished by the previous run are now Interrupted: {JobIds}", interrupted.Count, interrupted);
            }
            _completion.TrySetResult();
        }
        catch (Exception ex)
        {
            _completion.TrySetException(ex);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
