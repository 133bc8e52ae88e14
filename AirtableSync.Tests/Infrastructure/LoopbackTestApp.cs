using System.Net;
using AirtableSync.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Infrastructure;

/// <summary>
/// A slim app on a loopback port beside a fake Airtable (empty workspace), with a temp directory of its own:
/// started together and disposed together, SQLite's pools cleared first so the directory can go. The caller
/// gives the feature's settings, services and endpoints; for the whole app there is <see cref="AppFactory"/>.
/// </summary>
internal sealed class LoopbackTestApp : IAsyncDisposable
{
    private LoopbackTestApp(WebApplication app, FakeAirtableServer fake, string directory)
    {
        App = app;
        Fake = fake;
        Directory = directory;
        BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    public WebApplication App { get; }
    public FakeAirtableServer Fake { get; }
    public string Directory { get; }
    public Uri BaseUrl { get; }

    /// <param name="directoryPrefix">Names the temp directory after the tests that use it.</param>
    /// <param name="time">The clock of the fake (the caller registers it in the app too if the app should share it).</param>
    /// <param name="configure">Settings, logging and services, given the started fake and the directory.</param>
    /// <param name="map">Middleware and endpoints of the built app.</param>
    public static async Task<LoopbackTestApp> StartAsync(
        string directoryPrefix,
        Action<FakeAirtableOptions>? configureFake,
        TimeProvider? time,
        Action<WebApplicationBuilder, FakeAirtableServer, string> configure,
        Action<WebApplication> map,
        CancellationToken cancellationToken)
    {
        var fakeOptions = new FakeAirtableOptions { SeedSampleWorkspace = false };
        configureFake?.Invoke(fakeOptions);
        var fake = await FakeAirtableServer.StartAsync(fakeOptions, time, cancellationToken);
        var directory = System.IO.Directory.CreateTempSubdirectory(directoryPrefix).FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        configure(builder, fake, directory);
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken);
        return new LoopbackTestApp(app, fake, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Fake.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (a dying browser's, say) only leaks a temp directory; the OS cleans temp later.
        }
    }
}
