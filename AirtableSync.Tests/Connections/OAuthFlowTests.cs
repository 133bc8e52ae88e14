using AirtableSync.Airtable;
using AirtableSync.Connections;
using AirtableSync.Web.Components.Pages.Connect;

namespace AirtableSync.Tests.Connections;

/// <summary>The whole dance over loopback: our /start and /callback endpoints, the fake's authorize and token endpoints.</summary>
public class OAuthFlowTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApprovedFlowStoresEncryptedTokensThatTheApiClientThenUses()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        using var browser = new BrowserlessClient();

        var landing = await env.ConnectWithOAuthAsync(browser, cancellationToken: Ct);

        Assert.Equal("/connect", landing.AbsolutePath);
        Assert.Equal("oauth", ConnectionsTestEnvironment.QueryValue(landing, "connected"));
        var connection = Assert.Single(await env.Store.ListConnectionsAsync(Ct));
        Assert.Equal(ConnectionKind.OAuth, connection.Kind);
        Assert.Equal(ConnectionStatus.Active, connection.Status);
        Assert.Equal("usrSandboxAdmin01", connection.AirtableUserId);
        Assert.Equal("sandbox@example.com", connection.Email);
        Assert.Contains("schema.bases:read", connection.Scopes);
        var tokens = await env.ReadStoredTokensAsync(Ct);
        Assert.DoesNotContain(tokens.AccessToken, connection.ProtectedSecret, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.RefreshToken, connection.ProtectedSecret, StringComparison.Ordinal);

        var api = env.Get<AirtableApiClient>();
        Assert.Equal("usrSandboxAdmin01", (await api.WhoAmIAsync(Ct)).Id);
        env.Time.Advance(TimeSpan.FromMinutes(56));
        Assert.Equal("usrSandboxAdmin01", (await api.WhoAmIAsync(Ct)).Id);
        Assert.Equal(1, env.OAuth.RefreshCount);
    }

    [Fact]
    public async Task AccessTokenRevokedBeforeExpiryIsReplacedByOneRefreshThatAirtableAccepts()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        using var browser = new BrowserlessClient();
        await env.ConnectWithOAuthAsync(browser, cancellationToken: Ct);
        var source = env.Get<IAirtableTokenSource>();
        var rejected = await source.GetAccessTokenAsync(Ct);
        // Airtable stops accepting the access token before its expiry: the API client then asks for a fresh one.
        env.Fake.State.Tokens.Revoke(rejected.Value);
        await Assert.ThrowsAsync<AirtableAuthenticationException>(() => env.Get<AirtableIdentityProbe>().WhoAmIAsync(rejected.Value, Ct));

        var fresh = await source.RefreshAfterUnauthorizedAsync(rejected, Ct);

        Assert.NotNull(fresh);
        Assert.Equal(1, env.OAuth.RefreshCount);
        // Checked with the probe rather than the API client: the client paces requests on the (fake) clock.
        Assert.Equal("usrSandboxAdmin01", (await env.Get<AirtableIdentityProbe>().WhoAmIAsync(fresh.Value, Ct)).UserId);
    }

    [Fact]
    public async Task ConfidentialClientCompletesTheFlowWithBasicAuth()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(confidential: true, cancellationToken: Ct);
        using var browser = new BrowserlessClient();

        var landing = await env.ConnectWithOAuthAsync(browser, cancellationToken: Ct);

        Assert.Equal("oauth", ConnectionsTestEnvironment.QueryValue(landing, "connected"));
        Assert.True(Assert.Single(env.OAuth.TokenRequests).UsedBasicAuth);
    }

    [Fact]
    public async Task DeniedConsentReturnsToTheConnectPageWithAReadableError()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        using var browser = new BrowserlessClient();

        var landing = await env.ConnectWithOAuthAsync(browser, approve: false, cancellationToken: Ct);

        Assert.Contains("was not granted", ProblemShownAt(landing), StringComparison.Ordinal);
        Assert.Empty(await env.Store.ListConnectionsAsync(Ct));
        Assert.Empty(env.OAuth.TokenRequests);
    }

    [Fact]
    public async Task CallbackAfterTenMinutesIsRejectedAsExpiredWithoutExchangingTheCode()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        using var browser = new BrowserlessClient();
        var callback = await env.DecideAsync(browser, await env.OpenConsentAsync(browser, Ct), approve: true, Ct);
        env.Time.Advance(TimeSpan.FromMinutes(11));

        var landing = BrowserlessClient.RedirectOf(await browser.GetAsync(callback, Ct));

        Assert.Contains("longer than 10 minutes", ProblemShownAt(landing), StringComparison.Ordinal);
        Assert.Empty(env.OAuth.TokenRequests);
        Assert.Empty(await env.Store.ListConnectionsAsync(Ct));
    }

    [Fact]
    public async Task CallbackWithAStateWeNeverIssuedIsRejected()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        using var browser = new BrowserlessClient();

        var landing = BrowserlessClient.RedirectOf(await browser.GetAsync(
            new Uri(env.CallbackUri, "?code=someone-elses-code&state=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), Ct));

        Assert.Contains("unknown or was already used", ProblemShownAt(landing), StringComparison.Ordinal);
        Assert.Empty(env.OAuth.TokenRequests);
    }

    [Fact]
    public async Task ReplayedCallbackIsRejectedAndTheCodeIsExchangedOnce()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        using var browser = new BrowserlessClient();
        var callback = await env.DecideAsync(browser, await env.OpenConsentAsync(browser, Ct), approve: true, Ct);
        var first = BrowserlessClient.RedirectOf(await browser.GetAsync(callback, Ct));

        var replay = BrowserlessClient.RedirectOf(await browser.GetAsync(callback, Ct));

        Assert.Equal("oauth", ConnectionsTestEnvironment.QueryValue(first, "connected"));
        Assert.Contains("unknown or was already used", ProblemShownAt(replay), StringComparison.Ordinal);
        Assert.Single(env.OAuth.TokenRequests);
    }

    [Fact]
    public async Task CallbackOpenedInAnotherBrowserIsRejected()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        using var victim = new BrowserlessClient();
        using var attacker = new BrowserlessClient();
        var callback = await env.DecideAsync(attacker, await env.OpenConsentAsync(attacker, Ct), approve: true, Ct);

        var landing = BrowserlessClient.RedirectOf(await victim.GetAsync(callback, Ct));

        Assert.Contains("another browser", ProblemShownAt(landing), StringComparison.Ordinal);
        Assert.Empty(await env.Store.ListConnectionsAsync(Ct));
    }

    [Fact]
    public async Task ScopeTheIntegrationLacksComesBackAsAReadableInvalidScopeError()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(
            settings: new() { ["Airtable:OAuth:Scopes"] = "data.records:read enterprise.auditLogs:read" }, cancellationToken: Ct);
        using var browser = new BrowserlessClient();
        var authorize = BrowserlessClient.RedirectOf(await browser.GetAsync(new Uri(env.BaseUrl, "/connections/airtable/oauth/start"), Ct));
        var callback = BrowserlessClient.RedirectOf(await browser.GetAsync(authorize, Ct));

        var landing = BrowserlessClient.RedirectOf(await browser.GetAsync(callback, Ct));

        Assert.Equal("invalid_scope", ConnectionsTestEnvironment.QueryValue(callback, "error"));
        Assert.Equal("invalid_scope", ConnectionsTestEnvironment.QueryValue(landing, "reason"));
        Assert.Equal("invalid_scope", ConnectionsTestEnvironment.QueryValue(landing, "airtable"));
        Assert.Contains("scopes", ProblemShownAt(landing), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartWithoutAClientIdExplainsThatOAuthIsNotConfigured()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(settings: new() { ["Airtable:OAuth:ClientId"] = "" }, cancellationToken: Ct);
        using var browser = new BrowserlessClient();

        var landing = BrowserlessClient.RedirectOf(await browser.GetAsync(new Uri(env.BaseUrl, "/connections/airtable/oauth/start"), Ct));

        Assert.Contains("OAuth is not configured", ProblemShownAt(landing), StringComparison.Ordinal);
    }

    /// <summary>The callback ended on the app's OAuth problem page: the words that page shows for the reason it was given.</summary>
    private static string ProblemShownAt(Uri landing)
    {
        Assert.Equal(OAuthProblem.PagePath, landing.AbsolutePath);
        var problem = OAuthProblem.For(ConnectionsTestEnvironment.QueryValue(landing, "reason"));
        return $"{problem.Title} {problem.WhatHappened} {problem.WhatToDo}";
    }
}
