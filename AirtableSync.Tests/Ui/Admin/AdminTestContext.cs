using AirtableSync.Connections;
using AirtableSync.Jobs;
using AirtableSync.Revisions;
using AirtableSync.Sandbox;
using AirtableSync.Storage;
using AirtableSync.Sync;
using AirtableSync.Web.Components.Pages.Connect;
using AirtableSync.Web.Components.Pages.Jobs;
using AirtableSync.Web.Auth;
using AirtableSync.WebSession;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Ui.Admin;

/// <summary>
/// The admin pages' bUnit world: the analyst context (MudBlazor, fake clock, real SQLite store) plus the app's own
/// feature registrations, configured by the test. Airtable is the real fake on loopback when a test starts it.
/// </summary>
public abstract class AdminTestContext : UiTestContext
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"airtablesync-admin-{Guid.NewGuid():N}");
    private FakeAirtableServer? _fake;

    protected ScriptedLoginDriver LoginDriver { get; } = new();

    /// <summary>Registers the features; call once, before rendering, after <see cref="StartFakeAirtableAsync"/> when the test needs Airtable.</summary>
    protected async Task<ISyncStore> WireAsync(bool sandbox = false, string? oauthClientId = null, Func<ISyncStore, Task>? seed = null)
    {
        var airtable = _fake?.BaseUrl.ToString() ?? "http://127.0.0.1:9/";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Airtable:ApiBaseUrl"] = airtable,
            ["Airtable:WebBaseUrl"] = airtable,
            ["Airtable:Sandbox"] = sandbox ? "true" : "false",
            ["Airtable:OAuth:ClientId"] = oauthClientId,
            ["Storage:DataDirectory"] = _directory,
            ["Browser:MaxMfaAttempts"] = "3",
        }).Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        Services.AddAirtableConnections();
        Services.AddWebSession();
        Services.AddRevisions();
        Services.AddJobs();
        Services.AddSyncScheduler();
        Services.AddJobsPage();
        Services.AddAdminPages();
        Services.AddSingleton<IBrowserLoginDriver>(LoginDriver);
        return await StoreAsync(seed);
    }

    /// <summary>The local-account services behind the users and API key pages, as the app's AddAppSignIn registers them.</summary>
    protected void AddAccountServices()
    {
        Services.AddSingleton<IPasswordHasher<AppUser>, PasswordHasher<AppUser>>();
        Services.AddSingleton<UserPresence>();
        Services.AddSingleton<LocalAccounts>();
        Services.AddSingleton<ApiKeys>();
        Services.AddScoped<UserAdminActions>();
        Services.AddScoped<ApiKeyActions>();
    }

    protected FakeAirtableServer Fake => _fake ?? throw new InvalidOperationException("Call StartFakeAirtableAsync first.");

    protected async Task StartFakeAirtableAsync() =>
        _fake = await FakeAirtableServer.StartAsync(new FakeAirtableOptions(), TimeProvider.System, Token);

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    // Both dispose paths release the fake and the directory (see UiTestContext.DisposeAsyncCore).
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            ReleaseAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await ReleaseAsync();
    }

    private async ValueTask ReleaseAsync()
    {
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
            _fake = null;
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // The test never wrote a key.
        }
    }
}
