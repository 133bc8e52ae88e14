using Microsoft.Playwright;

namespace AirtableSync.Tests.EndToEnd;

/// <summary>
/// One headless Chromium per test class (launching costs seconds). Debian's chromium is used because no
/// browser can be downloaded here; BROWSER__EXECUTABLEPATH (set by test.sh) points at it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("BROWSER__EXECUTABLEPATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            // Running as root in CI, on a machine without internet: no sandbox, no background networking.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
