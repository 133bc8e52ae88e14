using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Infrastructure;

/// <summary>
/// The real app (Program.cs) on Kestrel at a free loopback port, with its own data directory and settings.
/// The "Testing" environment keeps appsettings.Development.json (sandbox on) out of the way.
/// </summary>
internal sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private readonly string _environment;

    public AppFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null, string environment = "Testing")
    {
        _environment = environment;
        DataDirectory = Directory.CreateTempSubdirectory("airtablesync-app-").FullName;
        _settings = settings;
        _services = services;
        UseKestrel(0);
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // Outside Development the framework's and MudBlazor's static web assets (blazor.web.js, _content/…) are
        // only mapped from a published app; a test run serves them from the build output instead.
        builder.UseStaticWebAssets();
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Browser:ProfileDirectory", Path.Combine(DataDirectory, "browser-profiles"));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the OS temp cleaner takes it.
        }
    }
}
