using AirtableSync.Tests.Infrastructure;
using System.Text.Json;
using AirtableSync.Jobs;
using AirtableSync.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AirtableSync.Tests.Sync;

public sealed class SyncSchedulerTests : SchedulerWorld
{
    [Fact]
    public async Task IncrementalSyncIsQueuedWhenItsCronTimePasses()
    {
        await ScheduleAsync(SyncSchedule.Suggested);

        var job = await TriggerAsync(Nine.AddMinutes(14.5), Nine.AddMinutes(15.5));

        Assert.NotNull(job);
        Assert.Equal(SyncMode.Incremental, ModeOf(job));
        Assert.Equal(JobStatus.Queued, Assert.Single(await Store.ListJobsAsync(10, Token)).Status);
    }

    [Fact]
    public async Task NothingIsQueuedBetweenCronTimes()
    {
        await ScheduleAsync(SyncSchedule.Suggested);

        Assert.Null(await TriggerAsync(Nine.AddMinutes(1), Nine.AddMinutes(1.5)));
        Assert.Empty(await Store.ListJobsAsync(10, Token));
    }

    [Fact]
    public async Task FullSyncWinsWhenBothSchedulesAreDue()
    {
        await ScheduleAsync(SyncSchedule.Suggested);
        var night = new DateTimeOffset(2026, 11, 29, 2, 59, 45, TimeSpan.Zero);

        var job = await TriggerAsync(night, night.AddSeconds(30));

        Assert.NotNull(job);
        Assert.Equal(SyncMode.Full, ModeOf(job));
    }

    [Fact]
    public async Task ScheduledSyncIsSkippedWhileASyncIsRunning()
    {
        await ScheduleAsync(SyncSchedule.Suggested);
        await Store.SaveJobAsync(StoredEntries.Job("running01", JobKind.FullSync, JobStatus.Running, Nine, startedAt: Nine), Token);

        Assert.Null(await TriggerAsync(Nine.AddMinutes(14.5), Nine.AddMinutes(15.5)));
        Assert.Single(await Store.ListJobsAsync(10, Token));
    }

    [Fact]
    public async Task ScheduledSyncIsSkippedWhileAnEarlierOneIsStillQueued()
    {
        await ScheduleAsync(SyncSchedule.Suggested);
        Assert.NotNull(await TriggerAsync(Nine.AddMinutes(14.5), Nine.AddMinutes(15.5)));

        Assert.Null(await TriggerAsync(Nine.AddMinutes(29.5), Nine.AddMinutes(30.5)));
        Assert.Single(await Store.ListJobsAsync(10, Token));
    }

    [Fact]
    public async Task NoScheduleMeansNoJobs()
    {
        Assert.Null(await TriggerAsync(Nine, Nine.AddDays(1)));
    }

    [Fact]
    public async Task InvalidCronIsRefusedByTheStore()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => ScheduleAsync(new SyncSchedule("61 * * * *", null)));
        await using var scope = Services.CreateAsyncScope();
        Assert.Equal(SyncSchedule.Off, await scope.ServiceProvider.GetRequiredService<SyncScheduleStore>().GetAsync(Token));
    }

    [Fact]
    public async Task SchedulerQueuesTheSyncWhenTheClockReachesTheCronTime()
    {
        await ScheduleAsync(new SyncSchedule("*/15 * * * *", null));
        var queued = new TaskCompletionSource<JobEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Services.GetRequiredService<JobProgressNotifier>().Subscribe(job =>
        {
            queued.TrySetResult(job);
            return Task.CompletedTask;
        });
        using var scheduler = new SyncScheduler(Services.GetRequiredService<IServiceScopeFactory>(), Clock, NullLogger<SyncScheduler>.Instance);
        await scheduler.StartAsync(Token);
        await scheduler.Ticking.WaitAsync(TimeSpan.FromSeconds(20), Token);

        Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Empty(await Store.ListJobsAsync(10, Token));
        Clock.Advance(TimeSpan.FromMinutes(5));

        var job = await queued.Task.WaitAsync(TimeSpan.FromSeconds(20), Token);
        Assert.Equal(SyncMode.Incremental, ModeOf(job));
        await scheduler.StopAsync(Token);
    }
}
