using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace AirtableSync.WebSession;

// Starts the system Chromium on a persistent profile with the anti-bot measures of docs/airtable/revision-history.md §6:
// no navigator.webdriver, no --enable-automation, the browser's real user agent minus "Headless".
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
    /// <exception cref="VirtualDisplayException">A headful launch needed a virtual display and Xvfb could not start.</exception>
    public async Task<LaunchedBrowser> LaunchAsync(string connectionId)
    {
        var settings = options.Value;
        var profile = ProfileDirectoryFor(connectionId);
        Directory.CreateDirectory(profile);
        var playwright = await DriverAsync();
        var display = NeedsVirtualDisplay(settings) ? await VirtualDisplay.StartAsync(settings.XvfbPath, settings.StepTimeout) : null;
        IBrowserContext context;
        try
        {
            context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new()
            {
                ExecutablePath = settings.ExecutablePath,
                Headless = settings.Headless,
                Args = s_args,
                IgnoreDefaultArgs = ["--enable-automation"],
                Timeout = (float)settings.StepTimeout.TotalMilliseconds,
                Locale = "en-US",
                Env = display is null ? null : EnvironmentWith("DISPLAY", display.Display),
            });
        }
        catch
        {
            display?.Dispose();
            throw;
        }
        LaunchedBrowser browser;
        try
        {
            context.SetDefaultTimeout((float)settings.StepTimeout.TotalMilliseconds);
            await context.AddInitScriptAsync(StealthScript);
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            browser = new LaunchedBrowser(context, page, profile, display);
        }
        catch
        {
            await context.CloseAsync();
            display?.Dispose();
            throw;
        }
        try
        {
            await browser.UseRealUserAgentAsync();
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    // Only a headful browser with nowhere to draw needs one; a desktop session or xvfb-run sets DISPLAY.
    private static bool NeedsVirtualDisplay(BrowserOptions settings) =>
        !settings.Headless && settings.VirtualDisplay == VirtualDisplayMode.Auto
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"));

    // Playwright's Env replaces the browser's whole environment, so it gets ours plus the one change.
    private static List<KeyValuePair<string, string>> EnvironmentWith(string name, string value)
    {
        var environment = new List<KeyValuePair<string, string>>();
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry is { Key: string key, Value: string current } && key != name)
            {
                environment.Add(new(key, current));
            }
        }
        environment.Add(new(name, value));
        return environment;
    }

    // Ends the Playwright driver; any browser still open dies with it.
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
