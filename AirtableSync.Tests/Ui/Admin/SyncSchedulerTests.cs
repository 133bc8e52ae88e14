using System.Text.Json;
using AirtableSync.Jobs;
using AirtableSync.Storage;
using AirtableSync.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Ui.Admin;

/// <summary>The scheduler on a real SQLite store and the real job queue; time moves only when the test moves it.</summary>
public sealed class SyncSchedulerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Nine);
    private UiStore? _store;
    private ServiceProvider? _services;

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;
    private ServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");
    private ISyncStore Store => Services.GetRequiredService<ISyncStore>();

    public async ValueTask InitializeAsync()
    {
        _store = await UiStore.CreateAsync(Token);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<ISyncStore>(_store.Store);
        services.AddJobs();
        services.AddSyncScheduler();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        _store?.Dispose();
    }

    private async Task<JobEntry?> TriggerAsync(DateTimeOffset from, DateTimeOffset to)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScheduledSyncTrigger>().RunDueAsync(from, to, Token);
    }

    private async Task ScheduleAsync(SyncSchedule schedule)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SyncScheduleStore>().SaveAsync(schedule, Token);
    }

    private static SyncMode ModeOf(JobEntry job) =>
        (JsonSerializer.Deserialize<SyncRequest>(job.ParametersJson, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("No parameters.")).Mode;

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
        await Store.SaveJobAsync(new JobEntry("running01", JobKind.FullSync, JobStatus.Running, "{}", JobProgress.NotStarted, Nine, Nine, null, null, []), Token);

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
        using var scheduler = new SyncScheduler(Services.GetRequiredService<IServiceScopeFactory>(), _clock, NullLogger<SyncScheduler>.Instance);
        await scheduler.StartAsync(Token);
        await scheduler.Ticking.WaitAsync(TimeSpan.FromSeconds(20), Token);

        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Empty(await Store.ListJobsAsync(10, Token));
        _clock.Advance(TimeSpan.FromMinutes(5));

        var job = await queued.Task.WaitAsync(TimeSpan.FromSeconds(20), Token);
        Assert.Equal(SyncMode.Incremental, ModeOf(job));
        await scheduler.StopAsync(Token);
    }
}
