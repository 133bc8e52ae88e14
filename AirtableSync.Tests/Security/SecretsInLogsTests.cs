using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AirtableSync.Connections;
using AirtableSync.Jobs;
using AirtableSync.Storage;
using AirtableSync.Tests.Connections;
using AirtableSync.Tests.EndToEnd;
using AirtableSync.Tests.Infrastructure;
using Microsoft.Playwright;
using AirtableSync.WebSession;
using Microsoft.Extensions.Options;

namespace AirtableSync.Tests.Security;

public sealed class SecretsInLogsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFullFlowLogsNoneOfTheSecretsItHandled()
    {
        await using var host = await SecretsFlowHost.StartAsync(Ct);
        var secrets = new Dictionary<string, string>
        {
            ["personal access token"] = host.PersonalAccessToken,
            ["Airtable password"] = host.User.Password,
            ["API key"] = host.ApiKey,
            ["app admin password"] = host.AdminPassword,
        };

        // 1. Sign in to the app through its form, then OAuth as a browser does it: start, approve at Airtable, come back to
        // the callback with the code. One cookie jar, no redirects followed, so each step is seen.
        var appCookies = new CookieContainer();
        using (var browser = AppSignIn.NewClient(host.BaseUrl, appCookies))
        {
            await AppSignIn.SignInAsync(browser, SecretsFlowHost.AdminUserName, host.AdminPassword);
            secrets["app sign-in cookie"] = appCookies.GetCookies(host.BaseUrl)[AppSignIn.CookieName]?.Value ?? throw new InvalidOperationException("No sign-in cookie.");
            var authorize = BrowserlessClient.RedirectOf(await browser.GetAsync(new Uri(host.BaseUrl, "/connections/airtable/oauth/start"), Ct));
            using var consent = await browser.GetAsync(authorize, Ct);
            using var decision = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["consent_request"] = consent.Headers.GetValues("X-Fake-Consent-Request").Single(),
                ["decision"] = "approve",
            });
            var callback = BrowserlessClient.RedirectOf(await browser.PostAsync(new Uri(host.Fake.BaseUrl, "/oauth2/v1/authorize/decision"), decision, Ct));
            secrets["OAuth authorization code"] = ConnectionsTestEnvironment.QueryValue(callback, "code") ?? throw new InvalidOperationException("No code.");
            var landing = BrowserlessClient.RedirectOf(await browser.GetAsync(callback, Ct));
            Assert.Equal("oauth", ConnectionsTestEnvironment.QueryValue(landing, "connected"));
        }
        var oauth = (await host.Get<ISyncStore>().ListConnectionsAsync(Ct)).Single(c => c.Kind == ConnectionKind.OAuth);
        var tokens = host.Get<ConnectionSecrets>().ReadTokenSet(oauth);
        secrets["OAuth access token"] = tokens.AccessToken;
        secrets["OAuth refresh token"] = tokens.RefreshToken;

        // 2. A personal access token through the REST API.
        using (var connected = await host.Api.PostAsJsonAsync("/api/v1/connections/personal-access-token", new { token = host.PersonalAccessToken }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, connected.StatusCode);
        }

        // 3. The browser login in real Chromium, through the REST API: password, a wrong MFA code, then the right one.
        var login = await PostAsync(host, "/api/v1/browser-sessions", new { email = host.User.Email, password = host.User.Password });
        Assert.Equal("awaitingMfa", login.GetProperty("state").GetString());
        var loginId = login.GetProperty("id").GetString();
        var wrong = await PostAsync(host, $"/api/v1/browser-sessions/{loginId}/mfa", new { code = SecretsFlowHost.WrongMfaCode });
        Assert.Equal("awaitingMfa", wrong.GetProperty("state").GetString());
        var right = await PostAsync(host, $"/api/v1/browser-sessions/{loginId}/mfa", new { code = SecretsFlowHost.RightMfaCode });
        Assert.Equal("connected", right.GetProperty("state").GetString());
        var vault = host.Get<WebSessionVault>();
        var stored = await vault.FindAsync(host.Get<IOptions<BrowserOptions>>().Value.ConnectionId, Ct) ?? throw new InvalidOperationException("No web session stored.");
        var cookies = vault.Open(stored).Cookies;
        Assert.Contains(cookies, c => c.Name == host.Fake.State.WebSessions.CookieName);
        foreach (var cookie in cookies.Where(c => c.Value.Length >= 8))
        {
            secrets[$"cookie {cookie.Name}"] = cookie.Value;
        }

        // 4. A sync with revisions, which replays the cookies against the internal endpoint.
        var job = await PostAsync(host, "/api/v1/syncs", new { includeRevisions = true });
        var finished = await host.Get<JobWaiter>().WaitUntilFinishedAsync(job.GetProperty("jobId").GetString() ?? "", Ct).WaitAsync(TimeSpan.FromSeconds(120), Ct);
        Assert.Equal(JobStatus.Succeeded, finished.Status);
        var workspace = host.Fake.State.Workspace;
        var baseId = workspace.GetBases()[0].Id;
        Assert.NotEmpty(await host.Get<ISyncStore>().GetRevisionsAsync(workspace.GetRecords(baseId, workspace.GetTables(baseId)[0].Id)[0].Id, Ct));

        var lines = host.Logs.Lines;
        // The capture really saw the flow, at every level: the assertions below are about a full log.
        Assert.Contains(lines, l => l.StartsWith("Trace ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/account/login", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/api/v1/browser-sessions", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("readRowActivitiesAndComments", StringComparison.Ordinal));
        AssertNoLeaks(lines, secrets);
    }

    [Fact]
    public async Task SecretsTypedIntoThePagesAreNotLoggedByTheCircuit()
    {
        await using var host = await SecretsFlowHost.StartAsync(Ct);
        var page = await browser.Browser.NewPageAsync(new() { BaseURL = host.BaseUrl.ToString() });
        // The sign-in form is a page too: its password must stay out of the logs like the others.
        await page.SignInAsync(SecretsFlowHost.AdminUserName, host.AdminPassword);
        await page.GotoInteractiveAsync("/connect");

        // Each keystroke and change travels over the circuit's WebSocket as an event carrying the field's value.
        await page.GetByTestId("pat-form").Locator("input").First.FillAsync(host.PersonalAccessToken);
        await page.GetByTestId("pat-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pat-success")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var credentials = page.GetByTestId("login-credentials");
        await credentials.Locator("input[type=email]").FillAsync(host.User.Email);
        await credentials.Locator("input[type=email]").BlurAsync();
        await credentials.Locator("input[type=password]").FillAsync(host.User.Password);
        await credentials.Locator("input[type=password]").BlurAsync();
        await page.GetByTestId("login-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-code")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await SubmitCodeAsync(page, SecretsFlowHost.WrongMfaCode);
        await Assertions.Expect(page.GetByTestId("login-error")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await SubmitCodeAsync(page, SecretsFlowHost.RightMfaCode);
        await Assertions.Expect(page.GetByTestId("login-done")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        var lines = host.Logs.Lines;
        Assert.Contains(lines, l => l.Contains("Microsoft.AspNetCore.SignalR", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/account/login", StringComparison.Ordinal));
        AssertNoLeaks(lines, new()
        {
            ["personal access token"] = host.PersonalAccessToken,
            ["Airtable password"] = host.User.Password,
            ["app admin password"] = host.AdminPassword,
        });
    }

    private static async Task SubmitCodeAsync(IPage page, string code)
    {
        var input = page.GetByTestId("login-code").Locator("input").First;
        await input.FillAsync(code);
        await input.BlurAsync();
        await page.GetByTestId("login-submit-code").ClickAsync();
    }

    private static void AssertNoLeaks(IReadOnlyList<string> lines, Dictionary<string, string> secrets)
    {
        var leaks = secrets.SelectMany(secret => lines.Where(l => l.Contains(secret.Value, StringComparison.Ordinal)).Select(l => $"{secret.Key}: {l}"))
            .Concat(CodeLeaks(lines, SecretsFlowHost.WrongMfaCode, "wrong MFA code"))
            .Concat(CodeLeaks(lines, SecretsFlowHost.RightMfaCode, "right MFA code"))
            .ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} log lines carry secrets:\n{string.Join("\n", leaks.Take(20))}");
    }

    /// <summary>
    /// A 6-digit code could occur inside a longer number (ticks, elapsed milliseconds, ids) by chance, so only a
    /// standalone occurrence counts: no digit, letter or decimal point on either side.
    /// </summary>
    private static IEnumerable<string> CodeLeaks(IEnumerable<string> lines, string code, string name)
    {
        var standalone = new Regex($"(?<![0-9A-Za-z.]){code}(?![0-9A-Za-z])");
        return lines.Where(l => standalone.IsMatch(l)).Select(l => $"{name}: {l}");
    }

    private static async Task<JsonElement> PostAsync(SecretsFlowHost host, string path, object body)
    {
        using var response = await host.Api.PostAsJsonAsync(path, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
