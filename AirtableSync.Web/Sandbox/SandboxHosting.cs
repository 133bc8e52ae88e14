using AirtableSync.Sandbox;

namespace AirtableSync.Web.Sandbox;

/// <summary>
/// "Airtable": { "Sandbox": true, "SandboxPort": 0 }  (or the --sandbox switch)
/// Runs the fake Airtable in-process on 127.0.0.1 and points the app at it, so anyone can try every
/// feature without an Airtable account. The UI labels the mode as simulated.
/// </summary>
public static class SandboxHosting
{
    /// <summary>Turns the friendly <c>--sandbox</c> switch into configuration (the command-line provider needs key=value).</summary>
    public static string[] TranslateSandboxSwitch(string[] args) =>
        [.. args.Select(a => a == "--sandbox" ? "--Airtable:Sandbox=true" : a)];

    public static async Task StartSandboxIfEnabledAsync(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>("Airtable:Sandbox"))
        {
            return;
        }

        var server = await FakeAirtableServer.StartAsync(new FakeAirtableOptions
        {
            Port = builder.Configuration.GetValue("Airtable:SandboxPort", 0),
        });
        var url = server.BaseUrl.ToString().TrimEnd('/');
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Airtable:ApiBaseUrl"] = url,
            ["Airtable:WebBaseUrl"] = url,
        });
        builder.Services.AddSingleton(server);
        builder.Services.AddHostedService<SandboxLifetime>();
    }

    /// <summary>Stops the sandbox with the app; DI does not dispose instances it was handed.</summary>
    private sealed class SandboxLifetime(FakeAirtableServer server) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken) => await server.DisposeAsync();
    }
}
