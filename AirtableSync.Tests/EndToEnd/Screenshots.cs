using Microsoft.Playwright;

namespace AirtableSync.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests double as the README's screenshot generator: with AIRTABLESYNC_SCREENSHOTS set to a
/// folder (e.g. docs/screenshots), each test saves the pages it has just verified. Otherwise nothing is written.
/// </summary>
internal static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("AIRTABLESYNC_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }
        Directory.CreateDirectory(folder);
        await page.SetViewportSizeAsync(1280, 800);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }
}
