using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Sandbox;

/// <summary>
/// A fake Airtable served over real HTTP on 127.0.0.1: the public Web API, OAuth, the login pages and the
/// internal revision endpoint, as docs/airtable/ describe them — never kinder than the real one.
/// Tests use it as Airtable; the product uses it as its sandbox (Airtable:Sandbox=true).
/// One base URL serves both api.airtable.com and airtable.com paths.
/// </summary>
public sealed class FakeAirtableServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeAirtableServer(WebApplication app, FakeAirtableState state, Uri baseUrl)
    {
        _app = app;
        State = state;
        BaseUrl = baseUrl;
    }

    public FakeAirtableState State { get; }

    /// <summary>e.g. http://127.0.0.1:54321 (no trailing slash).</summary>
    public Uri BaseUrl { get; }

    public static async Task<FakeAirtableServer> StartAsync(
        FakeAirtableOptions options,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, options.Port);
            // Kestrel refuses request lines over 8 KB itself; raise it so the fake's own 16,000-character URL rule
            // (docs/airtable/public-api.md §3.2) decides, with Airtable's answer instead of Kestrel's.
            k.Limits.MaxRequestLineSize = 256 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 512 * 1024;
        });
        var state = new FakeAirtableState(options, timeProvider ?? TimeProvider.System);
        builder.Services.AddSingleton(state);
        builder.Services.AddRoutingCore();

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            // Rate limits count a request when it reaches Airtable, not after the simulated latency: stamping the
            // arrival first keeps the fake's timer jitter out of the count, as it would be at Airtable's edge.
            FakeArrival.Stamp(context, state.TimeProvider.GetUtcNow());
            if (options.Latency > TimeSpan.Zero)
            {
                await Task.Delay(options.Latency, state.TimeProvider, context.RequestAborted);
            }
            await next(context);
        });
        app.MapFakeAirtableEndpoints();

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FakeAirtableServer(app, state, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
