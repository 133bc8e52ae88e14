using AirtableSync.Airtable;
using AirtableSync.Jobs;
using AirtableSync.Revisions;
using AirtableSync.Sandbox;
using AirtableSync.Storage;
using AirtableSync.Sync;
using AirtableSync.WebSession;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AirtableSync.Tests.Sync;

/// <summary>
/// The real sync stack — Airtable client, job runner, sync engine, SQLite store in a file — hosted against a
/// fake Airtable on loopback. Disposing it mid-job is how tests crash the process.
/// </summary>
internal sealed class SyncTestHost : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly IHost _host;

    private SyncTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public ISyncStore Store => Services.GetRequiredService<ISyncStore>();

    public JobQueue Queue => Services.GetRequiredService<JobQueue>();

    public static async Task<SyncTestHost> StartAsync(string dataDirectory, FakeAirtableServer fake, string token, IReadOnlyDictionary<string, string?>? settings = null, bool withRevisions = false)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Storage:Sqlite:Path"] = Path.Combine(dataDirectory, "sync.db"),
            ["Airtable:ApiBaseUrl"] = fake.BaseUrl.ToString(),
            ["Airtable:WebBaseUrl"] = fake.BaseUrl.ToString(),
            ["Airtable:PersonalAccessToken"] = token,
            ["Airtable:RequestsPerSecondPerBase"] = fake.State.Options.RequestsPerSecondPerBase.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Jobs:ProgressPersistInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
        builder.Services.AddLogging();
        builder.Services.AddSyncStorage();
        builder.Services.AddAirtableClient();
        builder.Services.AddJobs();
        builder.Services.AddSync();
        if (withRevisions)
        {
            builder.Services.AddWebSession();
            builder.Services.AddRevisions();
        }
        var host = builder.Build();
        await host.StartAsync(Xunit.TestContext.Current.CancellationToken);
        return new SyncTestHost(host);
    }

    public async Task<JobEntry> RunSyncAsync(SyncRequest request, JobKind kind = JobKind.FullSync)
    {
        var job = await Queue.EnqueueAsync(kind, request, Xunit.TestContext.Current.CancellationToken);
        return await WaitForAsync(job.Id, j => j.IsFinished, "a final state");
    }

    public async Task<JobEntry> WaitForAsync(string jobId, Func<JobEntry, bool> condition, string description)
    {
        try
        {
            return await Services.GetRequiredService<JobWaiter>().WaitForAsync(jobId, condition, Xunit.TestContext.Current.CancellationToken).WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            var last = await Store.GetJobAsync(jobId, Xunit.TestContext.Current.CancellationToken);
            throw new TimeoutException($"Job {jobId} did not reach {description} within {Patience}; last seen: {last?.Status} {last?.Progress} {last?.Error}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
