using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace AirtableSync.WebSession;

/// <summary>
/// Starts the system Chromium on a persistent profile with the anti-bot measures of revision-history.md §6:
/// no navigator.webdriver, no --enable-automation, the browser's real user agent minus "Headless".
/// </summary>
public sealed class ChromiumLauncher(IOptions<BrowserOptions> options) : IDisposable
{
    // One Playwright driver (a Node process) per launcher: starting it costs about a second of CPU per login.
    private readonly SemaphoreSlim _driverGate = new(1, 1);
    private IPlaywright? _playwright;

    // Root in containers/CI needs --no-sandbox; the networking switches stop Chromium calling home (PLATFORM.md).
    private static readonly string[] s_args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-blink-features=AutomationControlled",
    ];

    private const string StealthScript =
        "Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => undefined, configurable: true });";

    public string ProfileDirectoryFor(string connectionId) =>
        Path.GetFullPath(Path.Combine(options.Value.ProfileDirectory, connectionId));

    /// <summary>Not cancellable mid-launch on purpose: an abandoned launch would leave a Chromium behind; Timeout bounds it.</summary>
    public async Task<LaunchedBrowser> LaunchAsync(string connectionId)
    {
        var settings = options.Value;
        var profile = ProfileDirectoryFor(connectionId);
        Directory.CreateDirectory(profile);
        var playwright = await DriverAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new()
        {
            ExecutablePath = settings.ExecutablePath,
            Headless = settings.Headless,
            Args = s_args,
            IgnoreDefaultArgs = ["--enable-automation"],
            Timeout = (float)settings.StepTimeout.TotalMilliseconds,
            Locale = "en-US",
        });
        try
        {
            context.SetDefaultTimeout((float)settings.StepTimeout.TotalMilliseconds);
            await context.AddInitScriptAsync(StealthScript);
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            var browser = new LaunchedBrowser(context, page, profile);
            await browser.UseRealUserAgentAsync();
            return browser;
        }
        catch
        {
            await context.CloseAsync();
            throw;
        }
    }

    /// <summary>Ends the Playwright driver; any browser still open dies with it.</summary>
    public void Dispose()
    {
        _playwright?.Dispose();
        _playwright = null;
        _driverGate.Dispose();
    }

    private async Task<IPlaywright> DriverAsync()
    {
        await _driverGate.WaitAsync();
        try
        {
            return _playwright ??= await Playwright.CreateAsync();
        }
        finally
        {
            _driverGate.Release();
        }
    }
}
