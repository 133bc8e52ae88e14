using Microsoft.Playwright;

namespace AirtableSync.Tests.EndToEnd;

public sealed class UserMenuEndToEndTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task OneClickOnTheUserMenuOpensItWithSignOut()
    {
        await using var app = await SandboxApp.StartAsync(connectSandboxToken: false);
        var page = await app.NewSignedInPageAsync(browser.Browser);
        await page.GotoInteractiveAsync("/");
        var activator = page.GetByTestId("user-menu").Locator(".mud-menu-activator");
        await Assertions.Expect(activator).ToHaveAttributeAsync("aria-expanded", "false");

        // One plain click, as a person does: no keyboard afterwards.
        await page.GetByTestId("user-menu").ClickAsync();

        await Assertions.Expect(activator).ToHaveAttributeAsync("aria-expanded", "true", new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync(SandboxApp.AdminUserName);
    }
}
