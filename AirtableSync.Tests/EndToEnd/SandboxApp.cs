using AirtableSync.Jobs;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Storage;
using AirtableSync.Sync;
using AirtableSync.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.EndToEnd;

/// <summary>The whole app on a loopback port in sandbox mode (its built-in simulated Airtable), as a newcomer runs it.</summary>
internal sealed class SandboxApp : IAsyncDisposable
{
    private SandboxApp(AppFactory factory, Uri baseUrl)
    {
        Factory = factory;
        BaseUrl = baseUrl;
    }

    public AppFactory Factory { get; }

    public Uri BaseUrl { get; }

    public FakeAirtableServer Airtable => Factory.Services.GetRequiredService<FakeAirtableServer>();

    public ISyncStore Store => Factory.Services.GetRequiredService<ISyncStore>();

    public static SandboxApp Start(bool connectSandboxToken = true)
    {
        var settings = new Dictionary<string, string?> { ["Airtable:Sandbox"] = "true" };
        if (connectSandboxToken)
        {
            settings["Airtable:PersonalAccessToken"] = FakeSandboxSeeder.SandboxToken;
        }
        var factory = new AppFactory(settings);
        factory.StartServer();
        return new SandboxApp(factory, factory.ClientOptions.BaseAddress);
    }

    /// <summary>Runs a sync the way the REST API or the scheduler would, and waits for its end.</summary>
    public async Task<JobEntry> SyncAsync(SyncRequest request)
    {
        var notifier = Factory.Services.GetRequiredService<JobProgressNotifier>();
        var done = new TaskCompletionSource<JobEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = await Factory.Services.GetRequiredService<JobQueue>().EnqueueAsync(JobKind.FullSync, request, Xunit.TestContext.Current.CancellationToken);
        using var subscription = notifier.Subscribe(job.Id, j =>
        {
            if (j.IsFinished)
            {
                done.TrySetResult(j);
            }
            return Task.CompletedTask;
        });
        return await Store.GetJobAsync(job.Id, Xunit.TestContext.Current.CancellationToken) is { IsFinished: true } finished
            ? finished
            : await done.Task.WaitAsync(TimeSpan.FromSeconds(90), Xunit.TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
