using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Sync;

/// <summary>
/// Wakes every <see cref="TickInterval"/> and asks <see cref="ScheduledSyncTrigger"/> whether a cron time passed
/// since the last tick. Times missed while the app was down are not caught up: the next due time simply runs.
/// </summary>
public sealed class SyncScheduler(IServiceScopeFactory scopes, TimeProvider time, ILogger<SyncScheduler> logger) : BackgroundService
{
    /// <summary>Cron has minute resolution; a 30 s tick starts a job at most half a minute late.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _ticking = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the timer runs (ExecuteAsync starts on the thread pool), so tests move the clock only after it.</summary>
    internal Task Ticking => _ticking.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var last = time.GetUtcNow();
        using var timer = new PeriodicTimer(TickInterval, time);
        _ticking.TrySetResult();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ScheduledSyncTrigger>().RunDueAsync(last, now, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The loop must outlive a store hiccup; the next tick tries again.
                logger.LogError(e, "The sync scheduler could not check its schedule");
            }
            last = now;
        }
    }
}
