using AirtableSync.Tests.Infrastructure;
using AirtableSync.Jobs;
using AirtableSync.Storage;
using AirtableSync.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AirtableSync.Tests.Sync;

/// <summary>A restart after downtime: the real scheduler's first tick, with the last checked instant a previous run stored.</summary>
public sealed class SyncSchedulerCatchUpTests : SchedulerWorld
{
    // The schedule is saved at 09:00 the day before; the app last checked at 02:00 and comes back at 05:00: the
    // nightly 03:00 full sync was missed.
    private static readonly DateTimeOffset Stopped = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Restarted = new(2026, 11, 29, 5, 0, 0, TimeSpan.Zero);

    private Task StoppedAtAsync(DateTimeOffset lastChecked) =>
        WithSchedulesAsync(async s =>
        {
            await s.SaveLastCheckedAsync(lastChecked, Token);
            return true;
        });

    /// <summary>Starts the scheduler at the current clock, lets its first tick run, and returns the instant that tick checked up to.</summary>
    private async Task<DateTimeOffset> RunFirstTickAsync()
    {
        var ticked = new TaskCompletionSource<DateTimeOffset?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var scheduler = new SyncScheduler(Services.GetRequiredService<IServiceScopeFactory>(), Clock, NullLogger<SyncScheduler>.Instance);
        scheduler.Ticked += at => ticked.TrySetResult(at);
        await scheduler.StartAsync(Token);
        await scheduler.Ticking.WaitAsync(TimeSpan.FromSeconds(20), Token);
        Clock.Advance(SyncScheduler.TickInterval);
        var checkedUntil = await ticked.Task.WaitAsync(TimeSpan.FromSeconds(20), Token);
        await scheduler.StopAsync(Token);
        return checkedUntil ?? throw new InvalidOperationException("The first tick failed.");
    }

    [Fact]
    public async Task FullSyncMissedWhileTheAppWasStoppedRunsOnceAtTheFirstTick()
    {
        await ScheduleAsync(SyncSchedule.Suggested);
        await StoppedAtAsync(Stopped);
        Clock.SetUtcNow(Restarted);

        await RunFirstTickAsync();

        // Twelve incremental times and the 03:00 full one passed in the downtime: one job, the full sync.
        var job = Assert.Single(await Store.ListJobsAsync(10, Token));
        Assert.Equal(SyncMode.Full, ModeOf(job));
        Assert.Contains(Logs.Lines, l => l.StartsWith("Information", StringComparison.Ordinal)
            && l.Contains("Caught up the Full sync due at 2026-11-29 03:00:00Z missed while the app was stopped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachTickStoresTheInstantItCheckedUpTo()
    {
        await ScheduleAsync(SyncSchedule.Off);

        var checkedUntil = await RunFirstTickAsync();

        Assert.Equal(Nine + SyncScheduler.TickInterval, checkedUntil);
        Assert.Equal(checkedUntil, await WithSchedulesAsync(s => s.GetLastCheckedAsync(Token)));
    }

    [Fact]
    public async Task FirstStartEverCatchesNothingUp()
    {
        await ScheduleAsync(SyncSchedule.Suggested);
        Clock.SetUtcNow(Restarted.AddMinutes(1));

        await RunFirstTickAsync();

        Assert.Empty(await Store.ListJobsAsync(10, Token));
        Assert.Equal(Restarted.AddMinutes(1) + SyncScheduler.TickInterval, await WithSchedulesAsync(s => s.GetLastCheckedAsync(Token)));
    }

    [Fact]
    public async Task TimesBeforeTheScheduleWasSavedAreNotCaughtUp()
    {
        await StoppedAtAsync(Stopped);
        Clock.SetUtcNow(Restarted);
        // Saved after the restart, before the first tick: 03:00 passed while this schedule did not exist.
        await ScheduleAsync(new SyncSchedule(null, "0 3 * * *"));

        await RunFirstTickAsync();

        Assert.Empty(await Store.ListJobsAsync(10, Token));
    }

    [Fact]
    public async Task CatchUpIsSkippedWhenASyncIsAlreadyQueued()
    {
        await ScheduleAsync(SyncSchedule.Suggested);
        await StoppedAtAsync(Stopped);
        Clock.SetUtcNow(Restarted);
        await Store.SaveJobAsync(StoredEntries.Job("queued01", JobKind.FullSync, JobStatus.Queued, Stopped, startedAt: Stopped), Token);

        await RunFirstTickAsync();

        Assert.Equal("queued01", Assert.Single(await Store.ListJobsAsync(10, Token)).Id);
        Assert.Contains(Logs.Lines, l => l.Contains("Scheduled Full sync skipped", StringComparison.Ordinal));
    }
}
