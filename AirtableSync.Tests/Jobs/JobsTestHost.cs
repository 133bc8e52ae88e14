using AirtableSync.Jobs;
using AirtableSync.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Jobs;

/// <summary>
/// A generic host wired like the app (AddSyncStorage on a real SQLite file, then AddJobs), a fake clock and the test handlers.
/// Waits are bounded and driven by the notifier (or the store), never by sleeping.
/// </summary>
internal sealed class JobsTestHost : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly IHost _host;
    private bool _stopped;

    private JobsTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public ISyncStore Store => Services.GetRequiredService<ISyncStore>();

    public JobQueue Queue => Services.GetRequiredService<JobQueue>();

    public JobProgressNotifier Notifier => Services.GetRequiredService<JobProgressNotifier>();

    public JobCancellation Cancellation => Services.GetRequiredService<JobCancellation>();

    public JobResumption Resumption => Services.GetRequiredService<JobResumption>();

    public static async Task<JobsTestHost> StartAsync(
        TestDatabase database,
        JobProbe probe,
        Action<IServiceCollection> registerHandlers,
        IReadOnlyDictionary<string, string?>? settings = null,
        FakeTimeProvider? time = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = database.Path });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
        var clock = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        builder.Services.AddLogging();
        // The app's own wiring order: storage (whose initializer migrates the file) before jobs.
        builder.Services.AddSyncStorage();
        builder.Services.AddJobs();
        builder.Services.AddSingleton(probe);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(clock);
        registerHandlers(builder.Services);
        var host = builder.Build();
        var testHost = new JobsTestHost(host);
        try
        {
            await host.StartAsync(Xunit.TestContext.Current.CancellationToken);
        }
        catch
        {
            // A host that failed to start has nothing to stop (and StopAsync would throw).
            testHost._stopped = true;
            await testHost.DisposeAsync();
            throw;
        }
        return testHost;
    }

    public Task<JobEntry> EnqueueAsync(JobKind kind, object parameters) =>
        Queue.EnqueueAsync(kind, parameters, Xunit.TestContext.Current.CancellationToken);

    public Task<JobEntry> WaitForStatusAsync(string jobId, JobStatus status) =>
        WaitForAsync(jobId, job => job.Status == status, $"status {status}");

    public async Task<JobEntry> WaitForAsync(string jobId, Func<JobEntry, bool> condition, string description)
    {
        try
        {
            return await Services.GetRequiredService<JobWaiter>().WaitForAsync(jobId, condition, Xunit.TestContext.Current.CancellationToken).WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            var last = await Store.GetJobAsync(jobId, Xunit.TestContext.Current.CancellationToken);
            throw new TimeoutException($"Job {jobId} did not reach {description} within {Patience}; last seen: {last?.Status} {last?.Error}");
        }
    }

    public async Task<JobEntry> GetStoredAsync(string jobId) =>
        await Store.GetJobAsync(jobId, Xunit.TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException($"Job {jobId} is not in the store.");

    /// <summary>A graceful stop, as when the app shuts down: running jobs see their token fire.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
