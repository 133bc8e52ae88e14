using AirtableSync.Sandbox;
using AirtableSync.Sandbox.WebLogin;
using AirtableSync.WebSession;
using Microsoft.Extensions.Logging.Abstractions;

namespace AirtableSync.Tests.WebSession;

/// <summary>A fake Airtable on loopback plus a browser login against it, each with its own profile directory.</summary>
internal sealed class WebLoginHarness : IAsyncDisposable
{
    public const string SandboxSecret = "JBSWY3DPEHPK3PXP";

    private readonly string _root = Directory.CreateTempSubdirectory("airtablesync-weblogin-").FullName;

    private WebLoginHarness(FakeAirtableServer fake, BrowserOptions options)
    {
        Fake = fake;
        Options = options;
        options.ProfileDirectory = Path.Combine(_root, "profiles");
        Launcher = new ChromiumLauncher(Microsoft.Extensions.Options.Options.Create(options));
    }

    public FakeAirtableServer Fake { get; }
    public BrowserOptions Options { get; }
    public ChromiumLauncher Launcher { get; }
    public string ProfileDirectory => Launcher.ProfileDirectoryFor(Options.ConnectionId);

    public static async Task<WebLoginHarness> StartAsync(Action<FakeAirtableOptions>? fake = null, Action<BrowserOptions>? browser = null)
    {
        var fakeOptions = new FakeAirtableOptions { SeedSampleWorkspace = false };
        fake?.Invoke(fakeOptions);
        var options = new BrowserOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("BROWSER__EXECUTABLEPATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            StepTimeout = TimeSpan.FromSeconds(20),
            MinKeyDelayMs = 0,
            MaxKeyDelayMs = 5,
            ConnectionId = "test-web",
        };
        browser?.Invoke(options);
        return new WebLoginHarness(await FakeAirtableServer.StartAsync(fakeOptions, cancellationToken: Xunit.TestContext.Current.CancellationToken), options);
    }

    public BrowserLoginSession NewLogin(TimeProvider? timeProvider = null) =>
        new("test-login", Options.ConnectionId, Fake.BaseUrl, Launcher, Options, timeProvider ?? TimeProvider.System, NullLogger<BrowserLoginSession>.Instance);

    public static string CurrentMfaCode() => FakeTotp.Compute(SandboxSecret, DateTimeOffset.UtcNow);

    public async ValueTask DisposeAsync()
    {
        Launcher.Dispose();
        await Fake.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A profile file still held by a dying process; the temp dir is cleaned by the OS later.
        }
    }
}
