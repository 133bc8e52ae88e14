using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Sandbox.WebLogin;
using AirtableSync.WebSession;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AirtableSync.Tests.EndToEnd;

public sealed class ConnectEndToEndTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string SandboxMfaSecret = "JBSWY3DPEHPK3PXP";

    // Inputs are found inside their labelled sections, whatever element MudBlazor puts the test id on.
    private static ILocator InputIn(IPage page, string sectionTestId) => page.GetByTestId(sectionTestId).Locator("input").First;

    /// <summary>Types the sandbox account into the wizard's first step and starts the login.</summary>
    private static async Task StartBrowserLoginAsync(IPage page)
    {
        var credentials = page.GetByTestId("login-credentials");
        await credentials.Locator("input[type=email]").FillAsync(FakeUserDirectory.SandboxEmail);
        await credentials.Locator("input[type=email]").BlurAsync();
        await credentials.Locator("input[type=password]").FillAsync(FakeUserDirectory.SandboxPassword);
        await credentials.Locator("input[type=password]").BlurAsync();
        await page.GetByTestId("login-start").ClickAsync();
    }

    [Fact]
    public async Task AnAdminConnectsWithAPersonalAccessTokenAndSeesOnlyItsLastFourCharacters()
    {
        await using var app = await SandboxApp.StartAsync(connectSandboxToken: false);
        var page = await app.NewSignedInPageAsync(browser.Browser);

        await page.GotoInteractiveAsync("/connect");
        await InputIn(page, "pat-form").FillAsync("patWrongToken0001.nope");
        await page.GetByTestId("pat-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pat-error")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await InputIn(page, "pat-form").FillAsync(FakeSandboxSeeder.SandboxToken);
        await page.GetByTestId("pat-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("pat-success")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("secret-hint").First).ToContainTextAsync(FakeSandboxSeeder.SandboxToken[^4..]);
        Assert.DoesNotContain(FakeSandboxSeeder.SandboxToken, await page.ContentAsync(), StringComparison.Ordinal);
        var stored = Assert.Single(await app.Store.ListConnectionsAsync(Xunit.TestContext.Current.CancellationToken), c => c.Kind == ConnectionKind.PersonalAccessToken);
        Assert.Equal(ConnectionStatus.Active, stored.Status);
    }

    [Fact]
    public async Task TheBrowserLoginWizardAsksAgainAfterAWrongCodeAndConnectsWithTheRightOne()
    {
        await using var app = await SandboxApp.StartAsync();
        var page = await app.NewSignedInPageAsync(browser.Browser);
        await page.GotoInteractiveAsync("/connect");

        await StartBrowserLoginAsync(page);
        // The app's own Chromium types the credentials with human timing: allow it time on a loaded machine.
        try
        {
            await Assertions.Expect(page.GetByTestId("login-code")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        }
        catch (PlaywrightException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "airtablesync-wizard-failure.png") });
            throw new Xunit.Sdk.XunitException("The wizard did not reach the code step; it shows: " + await page.GetByTestId("login-stepper").InnerTextAsync());
        }

        await InputIn(page, "login-code").FillAsync("000000");
        await InputIn(page, "login-code").BlurAsync();
        await page.GetByTestId("login-submit-code").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("attempt", new() { Timeout = 60_000, IgnoreCase = true });
        await Assertions.Expect(page.GetByTestId("login-code")).ToBeVisibleAsync();

        await InputIn(page, "login-code").FillAsync(FakeTotp.Compute(SandboxMfaSecret, DateTimeOffset.UtcNow));
        await InputIn(page, "login-code").BlurAsync();
        await page.GetByTestId("login-submit-code").ClickAsync();

        await Assertions.Expect(page.GetByTestId("login-done")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("web-session-state")).ToContainTextAsync("Valid", new() { Timeout = 30_000, IgnoreCase = true });
        await Screenshots.SaveAsync(page, "connect");
        var session = Assert.Single(await app.Store.ListConnectionsAsync(Xunit.TestContext.Current.CancellationToken), c => c.Kind == ConnectionKind.WebSession);
        Assert.Equal("usrSandboxAdmin01", session.AirtableUserId);
    }

    [Fact]
    public async Task AnAdminSolvesTheBotChallengeByPressingAndHoldingOnItsPictureInTheWizard()
    {
        await using var app = await SandboxApp.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Browser:Headless"] = "false",
            ["Sandbox:WebLoginChallenge"] = "true",
            ["Sandbox:WebLoginChallengeHoldMs"] = "300",
        });
        var page = await app.NewSignedInPageAsync(browser.Browser);
        await page.GotoInteractiveAsync("/connect");
        await StartBrowserLoginAsync(page);

        var picture = page.GetByTestId("login-screen");
        await Assertions.Expect(picture).ToBeVisibleAsync(new() { Timeout = 120_000 });
        // Where the button is in the login browser's page, then where that is on the picture as the admin sees it.
        var login = Assert.Single(app.Factory.Services.GetRequiredService<BrowserLoginCoordinator>().Logins, l => l.BrowserOpen);
        var loginPage = login.Page ?? throw new InvalidOperationException("The login browser has no page.");
        var button = await loginPage.Locator("#px-captcha").BoundingBoxAsync() ?? throw new InvalidOperationException("No challenge button.");
        var pageWidth = loginPage.ViewportSize?.Width ?? throw new InvalidOperationException("No viewport.");
        await picture.ScrollIntoViewIfNeededAsync();
        var shown = await picture.BoundingBoxAsync() ?? throw new InvalidOperationException("The picture is not laid out.");
        var scale = shown.Width / pageWidth;
        await page.Mouse.MoveAsync(shown.X + (button.X + button.Width / 2) * scale, shown.Y + (button.Y + button.Height / 2) * scale);
        await page.Mouse.DownAsync();

        // The hold completes in the login browser, which then types email and password by itself.
        try
        {
            await Assertions.Expect(page.GetByTestId("login-code")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        }
        catch (PlaywrightException)
        {
            var challenge = app.Airtable.State.BotChallenge;
            throw new Xunit.Sdk.XunitException($"The wizard did not reach the code step (presses passed {challenge.Passed}, failed {challenge.Failed}; login {login.Status}).");
        }
        await page.Mouse.UpAsync();
        Assert.Equal(1, app.Airtable.State.BotChallenge.Passed);
    }
}
