using System.Diagnostics;
using AirtableSync.Sandbox;
using AirtableSync.WebSession;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.WebSession;

/// <summary>
/// Headful Chromium on an app-started Xvfb (docs/airtable/revision-history.md §6), and the bot challenge handed over to the admin:
/// a picture of the page and pointer input through the session, then the login carrying on by itself.
/// Needs Xvfb (Debian package xvfb) and no DISPLAY in the test environment.
/// </summary>
public class HeadfulLoginTests
{
    private const int HoldMs = 300;

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private static Task<WebLoginHarness> HeadfulAsync(bool challenge = false, Action<BrowserOptions>? browser = null) =>
        WebLoginHarness.StartAsync(
            fake: f => (f.WebLoginChallenge, f.WebLoginChallengeHoldMs) = (challenge, HoldMs),
            browser: b =>
            {
                b.Headless = false;
                browser?.Invoke(b);
            });

    [Fact]
    public async Task HeadfulLaunchRunsOnItsOwnVirtualDisplayWithoutAutomationMarkers()
    {
        await using var harness = await HeadfulAsync();
        int xvfb;
        await using (var browser = await harness.Launcher.LaunchAsync(harness.Options.ConnectionId))
        {
            var display = Assert.IsType<VirtualDisplay>(browser.Display);
            xvfb = display.ProcessId;
            Assert.Matches("^:[0-9]+$", display.Display);
            await browser.Page.GotoAsync(new Uri(harness.Fake.BaseUrl, "/login").ToString());

            Assert.False(await browser.Page.EvaluateAsync<bool>("() => navigator.webdriver === true"));
            var userAgent = await browser.Page.EvaluateAsync<string>("() => navigator.userAgent");
            Assert.DoesNotContain("Headless", userAgent, StringComparison.Ordinal);
            Assert.Equal(browser.UserAgent, userAgent);
            Assert.True(XvfbProcesses.IsRunning(xvfb));
        }

        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
        await XvfbProcesses.AssertGoneAsync(xvfb);
    }

    [Fact]
    public async Task DisplayEndsByItselfWhenItsBrowserDiesAndNobodyDisposesIt()
    {
        await using var harness = await HeadfulAsync();
        var browser = await harness.Launcher.LaunchAsync(harness.Options.ConnectionId);
        var xvfb = Assert.IsType<VirtualDisplay>(browser.Display).ProcessId;
        Assert.True(XvfbProcesses.IsRunning(xvfb));

        // What a killed app leaves behind: its Playwright driver takes the browser down, but no Dispose runs.
        foreach (var pid in ChromiumProcesses.Using(harness.ProfileDirectory))
        {
            try
            {
                using var chromium = Process.GetProcessById(pid);
                chromium.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Ended with its parent.
            }
        }

        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
        await XvfbProcesses.AssertGoneAsync(xvfb, withinSeconds: 20);
        await browser.DisposeAsync(); // still safe after both are gone
    }

    [Fact]
    public async Task HeadfulLoginWithMfaConnectsAndLeavesNoBrowserOrDisplayBehind()
    {
        // Realistic typing, as the headless happy path, so the two login times compare.
        await using var harness = await HeadfulAsync(browser: b => (b.MinKeyDelayMs, b.MaxKeyDelayMs) = (40, 150));
        await using var login = harness.NewLogin();
        var clock = Stopwatch.StartNew();

        Assert.Equal(BrowserLoginState.AwaitingMfa, (await login.StartAsync(FakeUserDirectory.SandboxEmail, FakeUserDirectory.SandboxPassword, Token)).State);
        var xvfb = Assert.IsType<int>(login.VirtualDisplayProcessId);
        var finished = await login.SubmitCodeAsync(WebLoginHarness.CurrentMfaCode(), Token);
        Xunit.TestContext.Current.TestOutputHelper?.WriteLine($"Headful login on Xvfb end to end with 40-150 ms typing: {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(BrowserLoginState.Connected, finished.State);
        var session = Assert.IsType<AirtableWebSession>(login.CapturedSession);
        Assert.DoesNotContain("Headless", session.UserAgent, StringComparison.Ordinal);
        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
        await XvfbProcesses.AssertGoneAsync(xvfb);
    }

    [Fact]
    public async Task ChallengeIsHandedOverAndPressAndHoldOnItsPictureLetsTheLoginContinueToMfa()
    {
        await using var harness = await HeadfulAsync(challenge: true);
        await using var login = harness.NewLogin();

        var status = await login.StartAsync(FakeUserDirectory.SandboxEmail, FakeUserDirectory.SandboxPassword, Token);
        Assert.Equal(BrowserLoginState.Challenge, status.State);
        Assert.True(status.HandedOver);
        Assert.Contains("press and hold the button in the picture", status.Message, StringComparison.Ordinal);
        var xvfb = Assert.IsType<int>(login.VirtualDisplayProcessId);

        var screen = await login.CaptureScreenAsync(Token);
        Assert.Equal("image/jpeg", screen.ContentType);
        Assert.Equal([0xFF, 0xD8, 0xFF], screen.Image[..3]);
        Assert.True(screen.Image.Length > 5_000, $"The picture has only {screen.Image.Length} bytes.");
        Assert.True(screen.Width >= 800 && screen.Height >= 600, $"{screen.Width}x{screen.Height}");

        // Released at once: the page posts the short hold, the fake refuses it and shows the challenge again.
        var (x, y) = await ButtonCentreAsync(login);
        await login.SendPointerAsync(new(BrowserPointerAction.Down, x, y), Token);
        await login.SendPointerAsync(new(BrowserPointerAction.Up, x, y), Token);
        var again = await login.WaitForStatusAsync(s => s.Message?.Contains("released too early", StringComparison.Ordinal) == true, Token);
        Assert.Equal(BrowserLoginState.Challenge, again.State);
        Assert.Equal((1, 0), (harness.Fake.State.BotChallenge.Failed, harness.Fake.State.BotChallenge.Passed));

        // Held: the widget completes while pressed, and the login types email and password by itself.
        (x, y) = await ButtonCentreAsync(login);
        await login.SendPointerAsync(new(BrowserPointerAction.Move, x - 5, y), Token);
        await login.SendPointerAsync(new(BrowserPointerAction.Down, x, y), Token);
        var mfa = await login.WaitForStatusAsync(s => s.State != BrowserLoginState.Challenge, Token);
        Assert.Equal(BrowserLoginState.AwaitingMfa, mfa.State);
        Assert.False(mfa.HandedOver);
        Assert.Equal(1, harness.Fake.State.BotChallenge.Passed);
        await Assert.ThrowsAsync<InvalidOperationException>(() => login.CaptureScreenAsync(Token));

        Assert.Equal(BrowserLoginState.Connected, (await login.SubmitCodeAsync(WebLoginHarness.CurrentMfaCode(), Token)).State);
        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
        await XvfbProcesses.AssertGoneAsync(xvfb);

        // The profile kept the trust cookie: the next login on it is not challenged.
        await using var second = harness.NewLogin();
        Assert.Equal(BrowserLoginState.AwaitingMfa, (await second.StartAsync(FakeUserDirectory.SandboxEmail, FakeUserDirectory.SandboxPassword, Token)).State);
        Assert.Equal(1, harness.Fake.State.BotChallenge.Passed);
        await second.CancelAsync();
        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
    }

    [Fact]
    public async Task PersonTimeoutDuringAChallengeClosesTheBrowserAndTheDisplay()
    {
        await using var harness = await HeadfulAsync(challenge: true);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var login = harness.NewLogin(time);
        Assert.Equal(BrowserLoginState.Challenge, (await login.StartAsync(FakeUserDirectory.SandboxEmail, FakeUserDirectory.SandboxPassword, Token)).State);
        var xvfb = Assert.IsType<int>(login.VirtualDisplayProcessId);

        time.Advance(harness.Options.MfaTimeout);
        var status = await login.WaitForStatusAsync(s => s.IsFinished, Token);

        Assert.Equal(BrowserLoginState.Failed, status.State);
        Assert.Contains("timed out", status.Message, StringComparison.Ordinal);
        Assert.Contains("challenge", status.Message, StringComparison.Ordinal);
        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
        await XvfbProcesses.AssertGoneAsync(xvfb);
        await Assert.ThrowsAsync<InvalidOperationException>(() => login.SendPointerAsync(new(BrowserPointerAction.Down, 10, 10), Token));
    }

    [Fact]
    public async Task MissingXvfbFailsTheLoginWithWhatToDoAndStartsNoBrowser()
    {
        await using var harness = await HeadfulAsync(browser: b => b.XvfbPath = "/nonexistent/bin/Xvfb");
        await using var login = harness.NewLogin();

        var status = await login.StartAsync(FakeUserDirectory.SandboxEmail, FakeUserDirectory.SandboxPassword, Token);

        Assert.Equal(BrowserLoginState.Failed, status.State);
        Assert.Contains("/nonexistent/bin/Xvfb", status.Message, StringComparison.Ordinal);
        Assert.Contains("install xvfb", status.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Browser:Headless=true", status.Message, StringComparison.Ordinal);
        Assert.False(login.BrowserOpen);
        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
    }

    private static async Task<(double X, double Y)> ButtonCentreAsync(BrowserLoginSession login)
    {
        var page = login.Page ?? throw new InvalidOperationException("No page.");
        var box = await page.Locator("#px-captcha").BoundingBoxAsync() ?? throw new InvalidOperationException("No button on the page.");
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }
}
