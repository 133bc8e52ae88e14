using Microsoft.Playwright;

namespace AirtableSync.Tests.EndToEnd;

internal static class PageNavigation
{
    /// <summary>
    /// Opens a page and waits until its Blazor circuit is interactive: a click on the prerendered page would
    /// otherwise be lost on a busy machine.
    /// </summary>
    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("[data-testid=circuit]")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });
    }
}
