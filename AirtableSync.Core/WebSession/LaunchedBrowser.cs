using Microsoft.Playwright;

namespace AirtableSync.WebSession;

// A running Chromium with its one persistent context and page, and the virtual display it draws on when the app
// started one. Disposing always ends the browser, then the display.
public sealed class LaunchedBrowser(IBrowserContext context, IPage page, string profileDirectory, VirtualDisplay? display) : IAsyncDisposable
{
    private int _disposed;

    public IBrowserContext Context => context;

    public string ProfileDirectory => profileDirectory;

    public IPage Page => page;

    // The app-started Xvfb, or null (headless, or a display given by the environment).
    public VirtualDisplay? Display => display;

    public string UserAgent { get; private set; } = "";

    // Headless Chromium announces itself as "HeadlessChrome" (§6). We keep the browser's own string minus
    // that word, applied through CDP so that both the header and navigator.userAgent agree; the same
    // string is stored with the cookies for the later HttpClient calls (§2.3).
    internal async Task UseRealUserAgentAsync()
    {
        var original = await Page.EvaluateAsync<string>("() => navigator.userAgent");
        UserAgent = original.Replace("HeadlessChrome", "Chrome", StringComparison.Ordinal);
        if (UserAgent != original)
        {
            var cdp = await context.NewCDPSessionAsync(Page);
            await cdp.SendAsync("Network.setUserAgentOverride", new Dictionary<string, object> { ["userAgent"] = UserAgent });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        try
        {
            await context.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // Already gone: crashed, or the window was closed by the person.
        }
        finally
        {
            display?.Dispose();
        }
    }
}
