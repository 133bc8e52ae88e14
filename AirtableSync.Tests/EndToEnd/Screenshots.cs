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
        // A virtualised grid re-measures after the resize and briefly keeps a row's worth of space above its first row.
        await page.WaitForFunctionAsync("""
            () => {
                const grid = document.querySelector('[data-testid=records-grid] .mud-table-container');
                const first = grid?.querySelector('tbody tr');
                return !first || grid.scrollTop > 0 || first.classList.contains('mud-table-row') || first.getBoundingClientRect().height === 0;
            }
            """);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }
}
