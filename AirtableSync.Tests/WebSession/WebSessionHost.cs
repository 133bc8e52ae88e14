using AirtableSync.Web.Endpoints.Api;
using AirtableSync.Sandbox;
using AirtableSync.Storage;
using AirtableSync.Tests.Infrastructure;
using AirtableSync.WebSession;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
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
    private readonly LoopbackTestApp _host;

    private WebSessionHost(LoopbackTestApp host)
    {
        _host = host;
        Http = new HttpClient { BaseAddress = host.BaseUrl };
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
    }

    private const string ApiKey = "websession-tests-api-key-0001";

    public FakeAirtableServer Fake => _host.Fake;
    public HttpClient Http { get; }
    public IServiceProvider Services => _host.App.Services;
    public string ProfileDirectory => Services.GetRequiredService<ChromiumLauncher>().ProfileDirectoryFor("test-web");

    public static Task<WebSessionHost> StartAsync(CancellationToken cancellationToken) => StartAsync(null, null, cancellationToken);

    public static async Task<WebSessionHost> StartAsync(
        Action<FakeAirtableOptions>? configureFake, IReadOnlyDictionary<string, string?>? settings, CancellationToken cancellationToken)
    {
        var host = await LoopbackTestApp.StartAsync("airtablesync-websession-", configureFake, time: null, (builder, fake, root) =>
        {
            builder.Logging.ClearProviders();
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
        }, app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapBrowserSessions();
        }, cancellationToken);
        return new WebSessionHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
    }
}
