using Microsoft.Playwright;

namespace AirtableSync.Tests.EndToEnd;

public sealed class RecordSearchEndToEndTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ASearchThatFindsNothingSaysSoWhereThePersonLooksAndOffersToClearIt()
    {
        await using var app = await SandboxApp.StartAsync();
        var (page, roadmap, tasks) = await app.OpenTasksGridAsync(browser.Browser);

        // Typed without Enter: the search runs once typing pauses.
        await page.Locator("input[data-testid=record-search], [data-testid=record-search] input").First.PressSequentiallyAsync("no such words anywhere");

        var message = page.GetByTestId("no-records");
        await Assertions.Expect(message).ToHaveTextAsync("No records match “no such words anywhere”.", new() { Timeout = 10_000 });
        await Assertions.Expect(message).ToBeInViewportAsync(new() { Ratio = 1 });
        await page.GetByTestId("clear-search").ClickAsync();
        await Assertions.Expect(page.GetByTestId("open-record").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(message).ToHaveCountAsync(0);
    }
}
