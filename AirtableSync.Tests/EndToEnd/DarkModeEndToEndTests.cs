using AirtableSync.Tests.Infrastructure;
using AirtableSync.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AirtableSync.Tests.EndToEnd;

public sealed class DarkModeEndToEndTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string AnalystPassword = "analyst-password-0001";

    // MudBlazor paints the page from its palette: white in light mode, a dark grey in dark mode.
    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private static async Task ExpectDarkAsync(IPage page, bool dark)
    {
        await Assertions.Expect(page.GetByTestId("dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", dark ? "true" : "false");
        var background = await BackgroundAsync(page);
        Assert.True(dark != (background == "rgb(255, 255, 255)"), $"background {background} while dark mode is {(dark ? "on" : "off")}");
    }

    [Fact]
    public async Task DarkModeHoldsAcrossPagesReloadsAndSignInsForItsPersonOnly()
    {
        await using var app = await SandboxApp.StartAsync();
        var (roadmap, tasks) = await app.SyncRoadmapAsync();
        Assert.Null(await app.Factory.Services.GetRequiredService<LocalAccounts>()
            .CreateAsync("ana", "Ana Analyst", AnalystPassword, AppRole.Analyst, firstAdminOnly: false, Xunit.TestContext.Current.CancellationToken));

        var admin = await app.NewSignedInPageAsync(browser.Browser);
        await admin.GotoInteractiveAsync("/");
        await ExpectDarkAsync(admin, dark: false);
        await admin.GetByTestId("dark-mode-toggle").ClickAsync();
        await ExpectDarkAsync(admin, dark: true);

        // Through the app's own links, as the issue's walkthrough went: dashboard → bases → table.
        await admin.GotoInteractiveAsync("/bases");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Product Roadmap", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Tasks", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("open-record").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await ExpectDarkAsync(admin, dark: true);
        await admin.ReloadAsync();
        await Assertions.Expect(admin.Locator("[data-testid=circuit]")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });
        await ExpectDarkAsync(admin, dark: true);

        // Another browser (no shared cookies or storage), signed in again: the choice is the person's, not the browser's.
        var again = await app.NewSignedInPageAsync(browser.Browser);
        await again.GotoInteractiveAsync($"/bases/{roadmap.Id}/tables/{tasks.Id}");
        await ExpectDarkAsync(again, dark: true);

        var analyst = await browser.Browser.NewPageAsync(new() { BaseURL = app.BaseUrl.ToString() });
        await analyst.SignInAsync("ana", AnalystPassword);
        await analyst.GotoInteractiveAsync("/");
        await ExpectDarkAsync(analyst, dark: false);
    }
}
