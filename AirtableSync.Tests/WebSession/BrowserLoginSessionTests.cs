using System.Diagnostics;
using AirtableSync.Sandbox;
using AirtableSync.WebSession;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.WebSession;

/// <summary>Real Chromium against the fake's login pages over loopback; each test checks no browser is left behind.</summary>
public class BrowserLoginSessionTests
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoginWithPasswordAndMfaCodeConnectsAndCapturesEveryCookie()
    {
        // Realistic typing (40–150 ms per key): this test also measures a whole login.
        await using var harness = await WebLoginHarness.StartAsync(browser: b => (b.MinKeyDelayMs, b.MaxKeyDelayMs) = (40, 150));
        await using var login = harness.NewLogin();
        var clock = Stopwatch.StartNew();

        var started = await login.StartAsync(FakeUserDirectory.SandboxEmail, FakeUserDirectory.SandboxPassword, Token);
        Assert.Equal(BrowserLoginState.AwaitingMfa, started.State);
        var atMfaPage = clock.Elapsed;
        var finished = await login.SubmitCodeAsync(WebLoginHarness.CurrentMfaCode(), Token);
        clock.Stop();
        Xunit.TestContext.Current.TestOutputHelper?.WriteLine($"Login end to end with 40-150 ms typing: {clock.Elapsed.TotalSeconds:0.0} s (launch + email + password to the MFA page: {atMfaPage.TotalSeconds:0.0} s)");

        Assert.Equal(BrowserLoginState.Connected, finished.State);
        Assert.Equal("usrSandboxAdmin01", finished.AirtableUserId);
        var session = Assert.IsType<AirtableWebSession>(login.CapturedSession);
        var names = session.Cookies.Select(c => c.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "__Host-airtable-session", "__Host-airtable-session.sig", "brw", "AWSALB" }, names);
        Assert.Contains("Chrome/", session.UserAgent, StringComparison.Ordinal);
        Assert.DoesNotContain("Headless", session.UserAgent, StringComparison.Ordinal);
        Assert.False(login.BrowserOpen);
        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
    }

    [Fact]
    public async Task WrongPasswordFailsWithAirtablesNoticeAndClosesTheBrowser()
    {
        await using var harness = await WebLoginHarness.StartAsync();
        await using var login = harness.NewLogin();

        var status = await login.StartAsync(FakeUserDirectory.SandboxEmail, "not-the-password", Token);

        Assert.Equal(BrowserLoginState.Failed, status.State);
        Assert.Contains("Invalid email or password", status.Message, StringComparison.Ordinal);
        Assert.Null(login.CapturedSession);
        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
    }

    [Fact]
    public async Task WrongMfaCodeKeepsWaitingWithAMessageThenTheRightCodeConnects()
    {
        await using var harness = await WebLoginHarness.StartAsync();
        await using var login = harness.NewLogin();
        await login.StartAsync(FakeUserDirectory.SandboxEmail, FakeUserDirectory.SandboxPassword, Token);

        var wrong = await login.SubmitCodeAsync("000000" == WebLoginHarness.CurrentMfaCode() ? "111111" : "000000", Token);
        Assert.Equal(BrowserLoginState.AwaitingMfa, wrong.State);
        Assert.Contains("Invalid code", wrong.Message, StringComparison.Ordinal);
        Assert.True(login.BrowserOpen);

        var right = await login.SubmitCodeAsync(WebLoginHarness.CurrentMfaCode(), Token);
        Assert.Equal(BrowserLoginState.Connected, right.State);
        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
    }

    [Fact]
    public async Task TooManyWrongMfaCodesFailTheLogin()
    {
        await using var harness = await WebLoginHarness.StartAsync(browser: b => b.MaxMfaAttempts = 2);
        await using var login = harness.NewLogin();
        await login.StartAsync(FakeUserDirectory.SandboxEmail, FakeUserDirectory.SandboxPassword, Token);

        Assert.Equal(BrowserLoginState.AwaitingMfa, (await login.SubmitCodeAsync("12345x", Token)).State);
        var second = await login.SubmitCodeAsync("12345y", Token);

        Assert.Equal(BrowserLoginState.Failed, second.State);
        Assert.Contains("rejected 2 times", second.Message, StringComparison.Ordinal);
        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
    }

    [Fact]
    public async Task ChallengePageIsHandedOverAsChallengeState()
    {
        await using var harness = await WebLoginHarness.StartAsync(fake: f => f.WebLoginChallenge = true);
        await using var login = harness.NewLogin();

        var status = await login.StartAsync(FakeUserDirectory.SandboxEmail, FakeUserDirectory.SandboxPassword, Token);

        Assert.Equal(BrowserLoginState.Challenge, status.State);
        Assert.Contains("Headless=false", status.Message, StringComparison.Ordinal);
        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
    }

    [Fact]
    public async Task MfaWaitTimesOutAndClosesTheBrowser()
    {
        await using var harness = await WebLoginHarness.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var login = harness.NewLogin(time);
        Assert.Equal(BrowserLoginState.AwaitingMfa, (await login.StartAsync(FakeUserDirectory.SandboxEmail, FakeUserDirectory.SandboxPassword, Token)).State);

        time.Advance(harness.Options.MfaTimeout);
        var status = await login.WaitForStatusAsync(s => s.IsFinished, Token);

        Assert.Equal(BrowserLoginState.Failed, status.State);
        Assert.Contains("timed out", status.Message, StringComparison.Ordinal);
        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
        await Assert.ThrowsAsync<InvalidOperationException>(() => login.SubmitCodeAsync(WebLoginHarness.CurrentMfaCode(), Token));
    }

    [Fact]
    public async Task VerifyItsYouEmailCodeComesBeforeTheMfaCode()
    {
        await using var harness = await WebLoginHarness.StartAsync(fake: f => f.WebLoginRequiresEmailCode = true);
        await using var login = harness.NewLogin();

        Assert.Equal(BrowserLoginState.AwaitingEmailCode, (await login.StartAsync(FakeUserDirectory.SandboxEmail, FakeUserDirectory.SandboxPassword, Token)).State);
        Assert.Equal(BrowserLoginState.AwaitingMfa, (await login.SubmitCodeAsync(harness.Fake.State.Options.WebLoginEmailCode, Token)).State);
        Assert.Equal(BrowserLoginState.Connected, (await login.SubmitCodeAsync(WebLoginHarness.CurrentMfaCode(), Token)).State);
        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
    }

    [Theory]
    [InlineData("sso@example.com", "SSO only")]
    [InlineData("nobody@example.com", "couldn't find an account")]
    public async Task AccountsThatCannotUseThePasswordFormFailWithAReason(string email, string reason)
    {
        await using var harness = await WebLoginHarness.StartAsync();
        await using var login = harness.NewLogin();

        var status = await login.StartAsync(email, "whatever", Token);

        Assert.Equal(BrowserLoginState.Failed, status.State);
        Assert.Contains(reason, status.Message, StringComparison.Ordinal);
        await ChromiumProcesses.AssertNoneLeftAsync(harness.ProfileDirectory);
    }
}
