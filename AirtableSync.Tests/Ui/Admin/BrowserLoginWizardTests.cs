using AirtableSync.Sandbox;
using AirtableSync.Sandbox.WebLogin;
using AirtableSync.Web.Components.Pages.Connect;
using AirtableSync.Web.Sandbox;
using AirtableSync.WebSession;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Ui.Admin;

public sealed class BrowserLoginWizardTests : AdminTestContext
{
    private async Task<IRenderedComponent<BrowserLoginWizard>> RenderWizardAsync(bool sandbox = false)
    {
        await WireAsync(sandbox);
        return RenderPage<BrowserLoginWizard>();
    }

    private static void LogIn(IRenderedComponent<BrowserLoginWizard> cut, string email = "admin@example.com", string password = "secret")
    {
        InputOf(cut, "login-email").Change(email);
        InputOf(cut, "login-password").Change(password);
        cut.Find("[data-testid=login-start]").Click();
    }

    private static void SubmitCode(IRenderedComponent<BrowserLoginWizard> cut, string code)
    {
        InputOf(cut, "login-code-input").Change(code);
        cut.Find("[data-testid=login-submit-code]").Click();
    }

    [Fact]
    public async Task WizardGoesFromCredentialsThroughTheCodeToDone()
    {
        var cut = await RenderWizardAsync();
        LoginDriver.Then(BrowserLoginState.AwaitingMfa, "Enter the code from your authenticator app.")
            .Then(BrowserLoginState.Connected, "Connected.", "usrAdmin0000001");
        Assert.NotEmpty(cut.FindAll("[data-testid=login-credentials]"));

        LogIn(cut);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=login-code]")));
        Assert.Empty(cut.FindAll("[data-testid=login-credentials]"));

        SubmitCode(cut, "123456");
        // Named as people know the account: by the address they typed, not Airtable's user id.
        cut.WaitForAssertion(() => Assert.Contains("connected as admin@example.com.", cut.Find("[data-testid=login-done]").TextContent, StringComparison.Ordinal));
        Assert.Equal(["start admin@example.com", $"code {ScriptedLoginDriver.LoginId} 123456"], LoginDriver.Calls);
    }

    [Fact]
    public async Task WrongCodeStaysOnTheCodeStepAndSaysHowManyAttemptsAreLeft()
    {
        var cut = await RenderWizardAsync();
        LoginDriver.Then(BrowserLoginState.AwaitingMfa, "Enter the code.")
            .Then(BrowserLoginState.AwaitingMfa, "Invalid code");
        LogIn(cut);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=login-code]")));

        SubmitCode(cut, "000000");

        cut.WaitForAssertion(() => Assert.Contains("2 attempts left", cut.Find("[data-testid=login-error]").TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(cut.FindAll("[data-testid=login-code]"));
    }

    [Fact]
    public async Task WrongPasswordReturnsToTheCredentialsWithAClearMessage()
    {
        var cut = await RenderWizardAsync();
        LoginDriver.Then(BrowserLoginState.Failed, "Airtable rejected the email or password.");

        LogIn(cut);

        cut.WaitForAssertion(() => Assert.Contains("rejected the email or password", cut.Find("[data-testid=login-error]").TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(cut.FindAll("[data-testid=login-credentials]"));
    }

    [Fact]
    public async Task ChallengeTellsTheAdminToRunWithAVisibleBrowser()
    {
        var cut = await RenderWizardAsync();
        LoginDriver.Then(BrowserLoginState.Challenge, "Airtable asked to verify you are human.");

        LogIn(cut);

        cut.WaitForAssertion(() => Assert.Contains("Browser:Headless=false", cut.Find("[data-testid=login-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TimeoutWhileWaitingForTheCodeSaysSo()
    {
        var cut = await RenderWizardAsync();
        LoginDriver.Then(BrowserLoginState.AwaitingMfa, "Enter the code.")
            .Then(BrowserLoginState.Failed, "The login timed out after 5 min waiting for the code.");
        LogIn(cut);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=login-code]")));

        SubmitCode(cut, "123456");

        cut.WaitForAssertion(() => Assert.Contains("timed out", cut.Find("[data-testid=login-error]").TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(cut.FindAll("[data-testid=login-credentials]"));
    }

    [Fact]
    public async Task UnexpectedFailureShowsAReadableMessageNotTheException()
    {
        var cut = await RenderWizardAsync();
        LoginDriver.ThenThrow(new InvalidOperationException("Target page, context or browser has been closed"));

        LogIn(cut);

        cut.WaitForAssertion(() =>
        {
            var error = cut.Find("[data-testid=login-error]").TextContent;
            Assert.Contains("could not continue", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Target page", error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task MissingPasswordIsRefusedWithoutStartingABrowser()
    {
        var cut = await RenderWizardAsync();

        LogIn(cut, password: "");

        cut.WaitForAssertion(() => Assert.Contains("email and password", cut.Find("[data-testid=login-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(LoginDriver.Calls);
    }

    [Fact]
    public async Task SandboxPrefillsItsEmailAndPointsAtTheCodePage()
    {
        var cut = await RenderWizardAsync(sandbox: true);
        Assert.Equal(FakeUserDirectory.SandboxEmail, InputOf(cut, "login-email").GetAttribute("value"));
        LoginDriver.Then(BrowserLoginState.AwaitingMfa, "Enter the code.");

        InputOf(cut, "login-password").Change(FakeUserDirectory.SandboxPassword);
        cut.Find("[data-testid=login-start]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=sandbox-code-hint]")));
    }

    [Fact]
    public async Task InTheSandboxTheCodeStepShowsTheSimulatedAirtablesCurrentCodeAndUsesIt()
    {
        await StartFakeAirtableAsync();
        var fake = Fake;
        Services.AddSingleton(new SandboxMfaCodes(() => fake.State));
        var cut = await RenderWizardAsync(sandbox: true);
        LoginDriver.Then(BrowserLoginState.AwaitingMfa, "Enter the code.");

        InputOf(cut, "login-password").Change(FakeUserDirectory.SandboxPassword);
        cut.Find("[data-testid=login-start]").Click();

        var user = fake.State.Users.FindByEmail(FakeUserDirectory.SandboxEmail)!;
        cut.WaitForAssertion(() => Assert.Contains(cut.Find("[data-testid=sandbox-code-value]").TextContent.Trim(), ValidCodesFor(user.MfaSecret!)));
        Assert.Contains("Simulated Airtable", cut.Find("[data-testid=sandbox-code]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=sandbox-code-hint]"));

        await cut.Find("[data-testid=sandbox-code-use]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(cut.Find("[data-testid=sandbox-code-value]").TextContent.Trim(), InputOf(cut, "login-code-input").GetAttribute("value")));
    }

    [Fact]
    public async Task AgainstRealAirtableTheCodeStepShowsNoCode()
    {
        var cut = await RenderWizardAsync();
        LoginDriver.Then(BrowserLoginState.AwaitingMfa, "Enter the code.");

        LogIn(cut, email: FakeUserDirectory.SandboxEmail);

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=login-code]")));
        Assert.Empty(cut.FindAll("[data-testid=sandbox-code]"));
        Assert.Empty(cut.FindAll("[data-testid=sandbox-code-hint]"));
    }

    // The code of this 30-second step and its neighbours, which the simulated Airtable also accepts.
    private static string[] ValidCodesFor(string secret) =>
        [.. new[] { -30, 0, 30 }.Select(s => FakeTotp.Compute(secret, DateTimeOffset.UtcNow.AddSeconds(s)))];

    [Fact]
    public async Task OpenedAgainWhileALoginAwaitsItsCodeTheWizardTakesItUpAndCanCancelIt()
    {
        // A reload, or another tab: the login started earlier is still waiting for its code.
        LoginDriver.Current = new BrowserLoginStatus(ScriptedLoginDriver.LoginId, BrowserLoginState.AwaitingMfa, "Enter the code.");

        var cut = await RenderWizardAsync();

        Assert.NotEmpty(cut.FindAll("[data-testid=login-code]"));
        Assert.Equal(BrowserLoginWizardModel.TakenUpNotice, cut.Find("[data-testid=login-notice]").TextContent.Trim());
        cut.Find("[data-testid=login-cancel]").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=login-credentials]")));
        Assert.Contains($"cancel {ScriptedLoginDriver.LoginId}", LoginDriver.Calls);
    }

    [Fact]
    public async Task OpenedAgainWhileALoginIsStillSigningInItOffersCheckAgainAndCancel()
    {
        LoginDriver.Current = new BrowserLoginStatus(ScriptedLoginDriver.LoginId, BrowserLoginState.Starting, null);
        var cut = await RenderWizardAsync();
        Assert.NotEmpty(cut.FindAll("[data-testid=login-progress]"));

        LoginDriver.Current = new BrowserLoginStatus(ScriptedLoginDriver.LoginId, BrowserLoginState.Starting, null);
        cut.Find("[data-testid=login-refresh]").Click();
        Assert.NotEmpty(cut.FindAll("[data-testid=login-cancel]"));

        LoginDriver.Current = new BrowserLoginStatus(ScriptedLoginDriver.LoginId, BrowserLoginState.AwaitingMfa, "Enter the code.");
        cut.Find("[data-testid=login-refresh]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=login-code]")));
    }

    [Fact]
    public async Task LogInWhileAnotherLoginRunsTakesThatLoginUpInsteadOfAnError()
    {
        var cut = await RenderWizardAsync();
        LoginDriver.ThenThrow(new BrowserLoginInProgressException("still running") { RunningLoginId = ScriptedLoginDriver.LoginId });
        // Another tab started a login after this page opened; it waits for its code.
        LoginDriver.Current = new BrowserLoginStatus(ScriptedLoginDriver.LoginId, BrowserLoginState.AwaitingMfa, "Enter the code.");

        LogIn(cut);

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=login-code]")));
        Assert.Equal(BrowserLoginWizardModel.TakenUpNotice, cut.Find("[data-testid=login-notice]").TextContent.Trim());
    }

    [Fact]
    public async Task CancelOnTheCodeStepCancelsTheLoginAndStartsOver()
    {
        var cut = await RenderWizardAsync();
        LoginDriver.Then(BrowserLoginState.AwaitingMfa, "Enter the code.");
        LogIn(cut);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=login-code]")));

        cut.Find("[data-testid=login-cancel]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=login-credentials]")));
        Assert.Contains($"cancel {ScriptedLoginDriver.LoginId}", LoginDriver.Calls);
    }

    [Fact]
    public async Task HandedOverChallengeShowsTheLivePictureAndForwardsPressesAtPageCoordinates()
    {
        var cut = await RenderWizardAsync();
        // The picture is shown at half size: a press at (320, 180) on it is (640, 360) on the page.
        JSInterop.SetupModule("./js/browser-screen.js").Setup<ShownSize>("shownSize", _ => true).SetResult(new ShownSize(640, 360));
        LoginDriver.ThenHandedOverChallenge();

        LogIn(cut);

        cut.WaitForAssertion(() => Assert.StartsWith("data:image/jpeg;base64,", cut.Find("[data-testid=login-screen]").GetAttribute("src"), StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=login-credentials]"));
        var picture = cut.Find("[data-testid=login-screen]");
        await picture.PointerDownAsync(new PointerEventArgs { OffsetX = 320, OffsetY = 180 });
        await cut.Find("[data-testid=login-screen]").PointerMoveAsync(new PointerEventArgs { OffsetX = 330, OffsetY = 180 });
        await cut.Find("[data-testid=login-screen]").PointerUpAsync(new PointerEventArgs { OffsetX = 330, OffsetY = 181 });

        Assert.Equal(["pointer Down 640,360", "pointer Move 660,360", "pointer Up 660,362"], LoginDriver.Calls.Skip(1));
    }

    [Fact]
    public async Task ChallengePictureRefreshesTwiceASecondAndTheWizardFollowsTheLoginToTheCodeStep()
    {
        var cut = await RenderWizardAsync();
        LoginDriver.ThenHandedOverChallenge();
        LogIn(cut);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=login-screen]")));
        var captures = LoginDriver.ScreenCaptures;

        Clock.Advance(TimeSpan.FromMilliseconds(500));
        cut.WaitForAssertion(() => Assert.Equal(captures + 1, LoginDriver.ScreenCaptures));

        // The challenge was passed in the page; the login went on to MFA by itself.
        LoginDriver.Current = new BrowserLoginStatus(ScriptedLoginDriver.LoginId, BrowserLoginState.AwaitingMfa, "Enter the code from your authenticator app.");
        Clock.Advance(TimeSpan.FromMilliseconds(500));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=login-code]")));
        Assert.Empty(cut.FindAll("[data-testid=login-challenge]"));
        var afterLeaving = LoginDriver.ScreenCaptures;

        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(afterLeaving, LoginDriver.ScreenCaptures);
    }

    [Fact]
    public async Task ChallengeThatTimesOutReturnsToTheCredentialsAndSaysSo()
    {
        var cut = await RenderWizardAsync();
        LoginDriver.ThenHandedOverChallenge();
        LogIn(cut);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=login-screen]")));

        LoginDriver.Current = new BrowserLoginStatus(ScriptedLoginDriver.LoginId, BrowserLoginState.Failed, "The login timed out after 5 min waiting for the challenge to be solved.");
        Clock.Advance(TimeSpan.FromMilliseconds(500));

        cut.WaitForAssertion(() => Assert.Contains("challenge to be solved", cut.Find("[data-testid=login-error]").TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(cut.FindAll("[data-testid=login-credentials]"));
    }
}
