using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Sync;

// Wakes every TickInterval and asks ScheduledSyncTrigger whether a cron time passed
// since the last tick. The end of each checked window is stored, so the first tick after a restart also covers the
// downtime: a sync missed while the app was stopped runs once. On the very first start nothing is caught up.
public sealed class SyncScheduler(IServiceScopeFactory scopes, TimeProvider time, ILogger<SyncScheduler> logger) : BackgroundService
{
    // Cron has minute resolution; a 30 s tick starts a job at most half a minute late.
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _ticking = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Completes once the timer runs (ExecuteAsync starts on the thread pool), so tests move the clock only after it.
    internal Task Ticking => _ticking.Task;

    // Raised after each tick with the end of the window it checked (or null when the tick failed), so tests wait on it.
    internal event Action<DateTimeOffset?>? Ticked;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = time.GetUtcNow();
        DateTimeOffset? last = null;
        using var timer = new PeriodicTimer(TickInterval, time);
        _ticking.TrySetResult();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var schedules = scope.ServiceProvider.GetRequiredService<SyncScheduleStore>();
                var trigger = scope.ServiceProvider.GetRequiredService<ScheduledSyncTrigger>();
                if (last is { } previous)
                {
                    await trigger.RunDueAsync(previous, now, stoppingToken);
                }
                else if (await schedules.GetLastCheckedAsync(stoppingToken) is { } stopped && stopped < started)
                {
                    await trigger.CatchUpAsync(stopped, started, now, stoppingToken);
                }
                else
                {
                    await trigger.RunDueAsync(started, now, stoppingToken);
                }
                // Advanced only once the window was checked, so a failed tick's window is checked again by the next one;
                // set before the save so a failed save cannot make the next tick queue the same time twice.
                last = now;
                await schedules.SaveLastCheckedAsync(now, stoppingToken);
                Ticked?.Invoke(now);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The loop must outlive a store hiccup; the next tick tries again.
                logger.LogError(e, "The sync scheduler could not check its schedule");
                Ticked?.Invoke(null);
            }
        }
    }
}
