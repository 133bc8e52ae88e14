using AirtableSync.Jobs;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Storage;
using AirtableSync.Sync;
using AirtableSync.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AirtableSync.Tests.EndToEnd;

/// <summary>The whole app on a loopback port in sandbox mode (its built-in simulated Airtable), as a newcomer runs it.</summary>
internal sealed class SandboxApp : IAsyncDisposable
{
    private SandboxApp(AppFactory factory, Uri baseUrl, FakeAirtableServer airtable)
    {
        Factory = factory;
        BaseUrl = baseUrl;
        Airtable = airtable;
    }

    public const string AdminUserName = "admin@example.com";
    public const string AdminPassword = "sandbox-admin-password-0001";

    public AppFactory Factory { get; }

    public Uri BaseUrl { get; }

    public FakeAirtableServer Airtable { get; }

    public ISyncStore Store => Factory.Services.GetRequiredService<ISyncStore>();

    /// <summary>Starts the app exactly as <c>--sandbox</c> does; its simulated Airtable comes up with it.</summary>
    public static Task<SandboxApp> StartAsync(bool connectSandboxToken = true, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Airtable:Sandbox"] = "true",
            ["Auth:BootstrapAdmin:UserName"] = AdminUserName,
            ["Auth:BootstrapAdmin:Password"] = AdminPassword,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        if (connectSandboxToken)
        {
            settings["Airtable:PersonalAccessToken"] = FakeSandboxSeeder.SandboxToken;
        }
        var factory = new AppFactory(settings);
        factory.StartServer();
        var airtable = factory.Services.GetRequiredService<Web.Sandbox.SandboxAirtable>().Server;
        return Task.FromResult(new SandboxApp(factory, factory.ClientOptions.BaseAddress, airtable));
    }

    /// <summary>
    /// The sandbox with its "Product Roadmap" base synced, revision history included. Revisions are paced at
    /// Airtable's ~4 requests/s by default; this speeds both sides up so that browser tests have timelines to show.
    /// </summary>
    public static async Task<(SandboxApp App, FakeBase Roadmap)> StartWithRoadmapHistoryAsync()
    {
        var app = await StartAsync(extra: new Dictionary<string, string?>
        {
            ["Sandbox:RevisionRequestsPerSecondPerBase"] = "200",
            ["Revisions:RequestsPerSecondPerBase"] = "100",
            ["Revisions:ConcurrentRecords"] = "8",
        });
        await WebSessionSeeding.SignInAsync(app.Factory.Services, app.Airtable);
        var roadmap = app.Airtable.State.Workspace.GetBases().First(b => b.Name == "Product Roadmap");
        var sync = await app.SyncAsync(new SyncRequest(BaseIds: [roadmap.Id], IncludeRevisions: true));
        Assert.Equal(JobStatus.Succeeded, sync.Status);
        return (app, roadmap);
    }

    /// <summary>Syncs the sandbox's "Product Roadmap" base (records only) and names its Tasks table, for tests that browse it.</summary>
    public async Task<(FakeBase Roadmap, FakeTable Tasks)> SyncRoadmapAsync()
    {
        var roadmap = Airtable.State.Workspace.GetBases().First(b => b.Name == "Product Roadmap");
        Assert.Equal(JobStatus.Succeeded, (await SyncAsync(new SyncRequest(BaseIds: [roadmap.Id]))).Status);
        return (roadmap, Airtable.State.Workspace.GetTables(roadmap.Id).First(t => t.Name == "Tasks"));
    }

    /// <summary>Runs a sync the way the REST API or the scheduler would, and waits for its end.</summary>
    public async Task<JobEntry> SyncAsync(SyncRequest request)
    {
        var job = await Factory.Services.GetRequiredService<JobQueue>().EnqueueAsync(JobKind.FullSync, request, Xunit.TestContext.Current.CancellationToken);
        return await Factory.Services.GetRequiredService<JobWaiter>().WaitUntilFinishedAsync(job.Id, Xunit.TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>The synced Roadmap's Tasks grid in a signed-in desktop-sized page, once its first rows are in.</summary>
    public async Task<(IPage Page, FakeBase Roadmap, FakeTable Tasks)> OpenTasksGridAsync(IBrowser browser)
    {
        var (roadmap, tasks) = await SyncRoadmapAsync();
        var page = await NewSignedInPageAsync(browser);
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoInteractiveAsync($"/bases/{roadmap.Id}/tables/{tasks.Id}");
        await Assertions.Expect(page.GetByTestId("open-record").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return (page, roadmap, tasks);
    }

    /// <summary>A new page signed in as the bootstrap admin through the real sign-in form.</summary>
    public async Task<IPage> NewSignedInPageAsync(IBrowser browser)
    {
        var page = await browser.NewPageAsync(new() { BaseURL = BaseUrl.ToString() });
        await page.SignInAsync(AdminUserName, AdminPassword);
        return page;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
