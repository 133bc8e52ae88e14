using System.Net;
using System.Net.Sockets;
using AirtableSync.Sandbox;

namespace AirtableSync.Web.Sandbox;

/// <summary>
/// "Airtable": { "Sandbox": true, "SandboxPort": 0 }  (or the --sandbox switch)
/// "Sandbox": { "Latency": "00:00:00.300", "RequestsPerSecondPerBase": 5, ... }  (optional: any FakeAirtableOptions)
/// Runs the fake Airtable in-process on 127.0.0.1 and points the app at it, so anyone can try every
/// feature without an Airtable account. The UI labels the mode as simulated.
/// </summary>
public static class SandboxHosting
{
    // The command-line provider needs key=value, so the friendly --sandbox switch is turned into configuration.
    public static string[] TranslateSandboxSwitch(string[] args) =>
        [.. args.Select(a => a == "--sandbox" ? "--Airtable:Sandbox=true" : a)];

    /// <summary>
    /// Reserves the sandbox's address now (the app's options need it) but starts the fake only when the app
    /// starts: building a second web host before the app's own would also confuse hosts that wrap Program
    /// (WebApplicationFactory takes the first host built).
    /// </summary>
    public static void AddSandboxIfEnabled(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>("Airtable:Sandbox"))
        {
            return;
        }

        var port = builder.Configuration.GetValue("Airtable:SandboxPort", 0) is > 0 and var configured ? configured : FreeLoopbackPort();
        var url = $"http://127.0.0.1:{port}";
        var overrides = new Dictionary<string, string?>
        {
            ["Airtable:ApiBaseUrl"] = url,
            ["Airtable:WebBaseUrl"] = url,
        };
        if (string.IsNullOrEmpty(builder.Configuration["Airtable:OAuth:ClientId"]))
        {
            // "Connect with Airtable" works in the sandbox too: the simulated Airtable registers a public client
            // (PKCE, no secret) whose redirect URI is this app's callback on its default port.
            overrides["Airtable:OAuth:ClientId"] = AirtableSync.Sandbox.OAuth.FakeOAuthOptions.PublicClientId;
        }
        builder.Configuration.AddInMemoryCollection(overrides);
        // The simulated Airtable behaves like the real one by default; its knobs (latency, limits) can be set
        // under "Sandbox" to demonstrate slow networks or, in tests, to speed things up.
        var options = new FakeAirtableOptions();
        builder.Configuration.GetSection("Sandbox").Bind(options);
        options.Port = port;
        // The app may run on any port (dotnet run --urls, a container); its own callback must still be accepted.
        options.OAuth.SandboxRedirectsOnAnyLoopbackPort = true;
        var sandbox = new SandboxAirtable(options);
        builder.Services.AddSingleton(sandbox);
        builder.Services.AddSingleton(new SandboxMfaCodes(() => sandbox.Server.State));
        // First hosted service: the fake is up before anything (the configured-token check, jobs) calls it.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sandbox));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

// Started and stopped with the app.
public sealed class SandboxAirtable(FakeAirtableOptions options) : IHostedService
{
    private FakeAirtableServer? _server;

    /// <summary>The fake, once the app has started.</summary>
    public FakeAirtableServer Server => _server ?? throw new InvalidOperationException("The sandbox has not started yet.");

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _server = await FakeAirtableServer.StartAsync(options, cancellationToken: cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
