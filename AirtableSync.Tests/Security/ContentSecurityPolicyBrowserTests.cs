using AirtableSync.Sandbox.OAuth;
using AirtableSync.Tests.EndToEnd;
using AirtableSync.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AirtableSync.Tests.Security;

/// <summary>The app's pages under its real CSP in Chromium: everything loads, the circuit connects, nothing is refused.</summary>
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryMainPageRunsItsCircuitWithoutACspViolation()
    {
        var (app, @base) = await SandboxApp.StartWithRoadmapHistoryAsync();
        await using var _ = app;
        var table = app.Airtable.State.Workspace.GetTables(@base.Id)[0];
        var record = app.Airtable.State.Workspace.GetRecords(@base.Id, table.Id)[0];
        string[] paths =
        [
            "/", "/bases", $"/bases/{@base.Id}", $"/bases/{@base.Id}/tables/{table.Id}",
            $"/bases/{@base.Id}/tables/{table.Id}/records/{record.Id}", "/jobs", "/connect", "/settings",
        ];
        var watch = await CspViolations.WatchAsync(browser.Browser, app.BaseUrl);
        // The sign-in page and the landing after it are watched too.
        await watch.Page.SignInAsync(SandboxApp.AdminUserName, SandboxApp.AdminPassword);

        var violations = (await watch.ReadAsync()).Select(v => $"sign-in: {v}").ToList();
        foreach (var path in paths)
        {
            // The marker appears only once the circuit is connected: the WebSocket and blazor.web.js passed the CSP.
            await watch.Page.GotoInteractiveAsync(path);
            violations.AddRange((await watch.ReadAsync()).Select(v => $"{path}: {v}"));
        }
        // In-app navigation (a link click handled by the circuit's router) after a full load.
        await watch.Page.GotoInteractiveAsync("/bases");
        await watch.Page.GetByRole(AriaRole.Link, new() { Name = "Product Roadmap", Exact = true }).ClickAsync();
        await Assertions.Expect(watch.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/bases/{@base.Id}$"));
        violations.AddRange((await watch.ReadAsync()).Select(v => $"/bases → /bases/{@base.Id}: {v}"));

        Assert.Empty(violations);
        Assert.Contains(watch.WebSockets, url => url.StartsWith("ws://", StringComparison.Ordinal) && url.Contains("/_blazor", StringComparison.Ordinal));
        // The control: the policy is enforced and the watcher sees it, so the empty list above means something.
        await watch.Page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__injected = true'; document.body.appendChild(s); }");
        Assert.False(await watch.Page.EvaluateAsync<bool>("() => window.__injected === true"));
        Assert.Contains(await watch.ReadAsync(), v => v.StartsWith("script-src", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectingWithOAuthStillLeavesForAirtableAndComesBackConnected()
    {
        await using var app = await SandboxApp.StartAsync(connectSandboxToken: false);
        // The sandbox's OAuth client accepts the app's default ports; this test app runs on a free one.
        app.Airtable.State.OAuth.RegisterClient(new FakeOAuthClient(FakeOAuthOptions.PublicClientId, null,
            [new Uri(app.BaseUrl, "/connections/airtable/oauth/callback")], app.Airtable.State.OAuth.Options.SandboxScopes));
        var watch = await CspViolations.WatchAsync(browser.Browser, app.BaseUrl);
        await watch.Page.SignInAsync(SandboxApp.AdminUserName, SandboxApp.AdminPassword);
        await watch.Page.GotoInteractiveAsync("/connect");

        await watch.Page.GetByTestId("oauth-start").ClickAsync();
        // Generous like the other browser waits: the suite runs browser tests in parallel on 2 cores.
        await watch.Page.WaitForURLAsync(url => url.StartsWith(app.Airtable.BaseUrl.ToString(), StringComparison.Ordinal), new() { Timeout = 60_000 });
        await watch.Page.Locator("#approve").ClickAsync();

        await Assertions.Expect(watch.Page.GetByTestId("query-connected")).ToContainTextAsync("OAuth", new() { Timeout = 30_000 });
        Assert.Contains(await app.Store.ListConnectionsAsync(Ct), c => c.Kind == ConnectionKind.OAuth && c.Status == ConnectionStatus.Active);
        Assert.Empty(await watch.ReadAsync());
    }
}
