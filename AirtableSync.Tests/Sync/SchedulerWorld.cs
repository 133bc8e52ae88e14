using AirtableSync.Jobs;
using AirtableSync.Storage;
using AirtableSync.Sync;
using AirtableSync.Tests.Connections;
using AirtableSync.Tests.Ui;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Sync;

/// <summary>The scheduler's world: a real SQLite store and the real job queue; time moves only when the test moves it.</summary>
public abstract class SchedulerWorld : IAsyncLifetime
{
    protected static readonly DateTimeOffset Nine = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private UiStore? _store;
    private ServiceProvider? _services;

    protected FakeTimeProvider Clock { get; } = new(Nine);
    protected CapturingLoggerProvider Logs { get; } = new();
    protected static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;
    protected ServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");
    protected ISyncStore Store => Services.GetRequiredService<ISyncStore>();

    public async ValueTask InitializeAsync()
    {
        _store = await UiStore.CreateAsync(Token);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(logging => logging.AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ISyncStore>(_store.Store);
        services.AddSyncStoreRoles();
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
        GC.SuppressFinalize(this);
    }

    protected async Task<JobEntry?> TriggerAsync(DateTimeOffset from, DateTimeOffset to)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScheduledSyncTrigger>().RunDueAsync(from, to, Token);
    }

    protected async Task<T> WithSchedulesAsync<T>(Func<SyncScheduleStore, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SyncScheduleStore>());
    }

    protected Task ScheduleAsync(SyncSchedule schedule) =>
        WithSchedulesAsync(async s =>
        {
            await s.SaveAsync(schedule, Token);
            return true;
        });

    /// <summary>The mode a queued sync job runs in, which its kind alone decides.</summary>
    protected static SyncMode ModeOf(JobEntry job) => job.Kind switch
    {
        JobKind.FullSync => SyncMode.Full,
        JobKind.IncrementalSync => SyncMode.Incremental,
        _ => throw new InvalidOperationException($"A scheduled sync was queued as {job.Kind}."),
    };
}
