using Microsoft.Playwright;

namespace AirtableSync.Tests.EndToEnd;

public sealed class SignInEndToEndTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AWrongPasswordShowsAnErrorAndTheRightOneOpensTheRequestedPage()
    {
        await using var app = await SandboxApp.StartAsync();
        var page = await browser.Browser.NewPageAsync(new() { BaseURL = app.BaseUrl.ToString() });

        await page.GotoAsync("/bases");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?ReturnUrl=%2Fbases$"));
        await page.GetByTestId("login-username").FillAsync(SandboxApp.AdminUserName);
        await page.GetByTestId("login-password").FillAsync("not-the-admin-password");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("wrong", new() { Timeout = 30_000 });

        await page.GetByTestId("login-password").FillAsync(SandboxApp.AdminPassword);
        await page.GetByTestId("login-submit").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/bases$"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("user-menu")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "signed-in");
    }
}
