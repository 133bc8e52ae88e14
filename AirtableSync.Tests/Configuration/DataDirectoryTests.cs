using AirtableSync.Storage;
using AirtableSync.WebSession;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AirtableSync.Tests.Configuration;

// Everything the app writes goes under Storage:DataDirectory unless a setting says otherwise, and a relative path
// means the same for every file: relative to the content root, never to the shell's working directory.
public sealed class DataDirectoryTests
{
    private const string ContentRoot = "/srv/airtablesync/app";

    private static string ProfilesFor(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<IHostEnvironment>(new ContentRootOnly(ContentRoot));
        services.AddSyncStorage();
        services.AddWebSession();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<BrowserOptions>>().Value.ProfileDirectory;
    }

    [Fact]
    public void BrowserProfilesFollowTheDataDirectory() =>
        Assert.Equal("/var/lib/airtablesync/browser-profiles", ProfilesFor(new() { ["Storage:DataDirectory"] = "/var/lib/airtablesync" }));

    [Fact]
    public void ARelativeDataDirectoryIsUnderTheContentRootForProfilesToo() =>
        Assert.Equal($"{ContentRoot}/state/browser-profiles", ProfilesFor(new() { ["Storage:DataDirectory"] = "state" }));

    [Fact]
    public void ByDefaultProfilesAreInTheDefaultDataDirectory() =>
        Assert.Equal($"{ContentRoot}/data/browser-profiles", ProfilesFor([]));

    [Fact]
    public void AnExplicitProfileDirectoryWinsAndIsResolvedAgainstTheContentRoot()
    {
        Assert.Equal($"{ContentRoot}/profiles", ProfilesFor(new() { ["Storage:DataDirectory"] = "/var/lib/airtablesync", ["Browser:ProfileDirectory"] = "profiles" }));
        Assert.Equal("/tmp/profiles", ProfilesFor(new() { ["Browser:ProfileDirectory"] = "/tmp/profiles" }));
    }

    private sealed class ContentRootOnly(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "AirtableSync.Tests";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
