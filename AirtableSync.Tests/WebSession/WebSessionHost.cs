using AirtableSync.Web.Endpoints.Api;
using AirtableSync.Sandbox;
using AirtableSync.Storage;
using AirtableSync.Web.Endpoints;
using AirtableSync.WebSession;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Tests.WebSession;

/// <summary>
/// A minimal app host with the real WebSession feature, SQLite storage in a temp dir and the REST endpoints on
/// a loopback port, pointed at a fake Airtable. (Program.cs does not wire the feature yet, so no WebApplicationFactory.)
/// </summary>
internal sealed class WebSessionHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _root;

    private WebSessionHost(WebApplication app, FakeAirtableServer fake, string root, Uri baseUrl)
    {
        _app = app;
        _root = root;
        Fake = fake;
        Http = new HttpClient { BaseAddress = baseUrl };
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
    }

    private const string ApiKey = "websession-tests-api-key-0001";

    public FakeAirtableServer Fake { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;
    public string ProfileDirectory => Services.GetRequiredService<ChromiumLauncher>().ProfileDirectoryFor("test-web");

    public static Task<WebSessionHost> StartAsync(CancellationToken cancellationToken) => StartAsync(null, null, cancellationToken);

    public static async Task<WebSessionHost> StartAsync(
        Action<FakeAirtableOptions>? configureFake, IReadOnlyDictionary<string, string?>? settings, CancellationToken cancellationToken)
    {
        var fakeOptions = new FakeAirtableOptions { SeedSampleWorkspace = false };
        configureFake?.Invoke(fakeOptions);
        var fake = await FakeAirtableServer.StartAsync(fakeOptions, cancellationToken: cancellationToken);
        var root = Directory.CreateTempSubdirectory("airtablesync-websession-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Airtable:WebBaseUrl"] = fake.BaseUrl.ToString(),
            ["Browser:ExecutablePath"] = Environment.GetEnvironmentVariable("BROWSER__EXECUTABLEPATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            ["Browser:ProfileDirectory"] = Path.Combine(root, "profiles"),
            ["Browser:StepTimeout"] = "00:00:20",
            ["Browser:MinKeyDelayMs"] = "0",
            ["Browser:MaxKeyDelayMs"] = "5",
            ["Browser:ConnectionId"] = "test-web",
            ["Storage:Sqlite:Path"] = Path.Combine(root, "store.db"),
            ["Api:Keys:0"] = ApiKey,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Services.AddSyncStorage();
        builder.Services.AddWebSession();
        // The endpoints take an Airtable password: they sit behind the same API-key policy as in the app.
        builder.Services.AddRestApi();
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(root, "keys")));
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapBrowserSessions();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WebSessionHost(app, fake, root, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Fake.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the OS cleans temp later.
        }
    }
}
