using System.Net;
using AirtableSync.Connections;
using Microsoft.AspNetCore.WebUtilities;

namespace AirtableSync.Tests.Connections;

/// <summary>The fake's GET /oauth2/v1/authorize validates like Airtable (docs/airtable/public-api.md §1.2).</summary>
public class FakeAuthorizeEndpointTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> ValidQuery(ConnectionsTestEnvironment env) => new()
    {
        ["client_id"] = ConnectionsTestEnvironment.PublicClientId,
        ["redirect_uri"] = env.CallbackUri.ToString(),
        ["response_type"] = "code",
        ["scope"] = "data.records:read",
        ["state"] = "state-0123456789abcdef",
        ["code_challenge"] = Pkce.ComputeChallenge(Pkce.CreateVerifier()),
        ["code_challenge_method"] = "S256",
    };

    private static async Task<HttpResponseMessage> AuthorizeAsync(ConnectionsTestEnvironment env, BrowserlessClient browser, Dictionary<string, string?> query) =>
        await browser.GetAsync(new Uri(QueryHelpers.AddQueryString(new Uri(env.Fake.BaseUrl, "/oauth2/v1/authorize").ToString(), query)), Ct);

    [Theory]
    [InlineData("client_id", "unknownClient")]
    [InlineData("redirect_uri", "http://127.0.0.1:1/not-registered")]
    public async Task UnknownClientOrRedirectUriGetsAnErrorPageAndNoRedirect(string parameter, string value)
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        using var browser = new BrowserlessClient();
        var query = ValidQuery(env);
        query[parameter] = value;

        using var response = await AuthorizeAsync(env, browser, query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData(false, "http://localhost:5299/connections/airtable/oauth/callback", false)]
    [InlineData(true, "http://localhost:5299/connections/airtable/oauth/callback", true)]
    [InlineData(true, "http://localhost:8080/connections/airtable/oauth/callback", true)]
    [InlineData(true, "http://localhost:5299/connections/airtable/oauth/other", false)]
    [InlineData(true, "http://evil.example:5230/connections/airtable/oauth/callback", false)]
    [InlineData(true, "http://127.0.0.1:5299/connections/airtable/oauth/callback", true)]
    [InlineData(true, "https://localhost:5299/connections/airtable/oauth/callback", true)]
    [InlineData(true, "ftp://localhost:5299/connections/airtable/oauth/callback", false)]
    [InlineData(true, "http://localhost:5299/connections/airtable/oauth/callback?x=1", false)]
    public async Task TheSandboxAcceptsItsCallbackOnAnyLoopbackAddressOnlyWhenAskedAndNothingElse(bool anyPort, string redirectUri, bool accepted)
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(configureFake: o => o.OAuth.SandboxRedirectsOnAnyLoopbackPort = anyPort, cancellationToken: Ct);
        using var browser = new BrowserlessClient();
        var query = ValidQuery(env);
        query["client_id"] = AirtableSync.Sandbox.OAuth.FakeOAuthOptions.PublicClientId;
        query["redirect_uri"] = redirectUri;

        using var response = await AuthorizeAsync(env, browser, query);

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("response_type", "token", "unsupported_response_type")]
    [InlineData("scope", "data.records:read data.records:read", "invalid_scope")]
    [InlineData("scope", "", "invalid_scope")]
    [InlineData("code_challenge_method", "plain", "invalid_request")]
    [InlineData("code_challenge", "too-short", "invalid_request")]
    [InlineData("state", "short", "invalid_request")]
    public async Task BadParameterIsRedirectedBackAsAnOAuthError(string parameter, string value, string error)
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        using var browser = new BrowserlessClient();
        var query = ValidQuery(env);
        query[parameter] = value;

        var redirect = BrowserlessClient.RedirectOf(await AuthorizeAsync(env, browser, query));

        Assert.Equal(env.CallbackUri.AbsolutePath, redirect.AbsolutePath);
        Assert.Equal(error, ConnectionsTestEnvironment.QueryValue(redirect, "error"));
        Assert.NotNull(ConnectionsTestEnvironment.QueryValue(redirect, "error_description"));
    }

    [Fact]
    public async Task ConsentPageOffersApproveAndDenyAsPlainPostForms()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        using var browser = new BrowserlessClient();

        using var response = await AuthorizeAsync(env, browser, ValidQuery(env));
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(2, html.Split("<form method=\"post\" action=\"/oauth2/v1/authorize/decision\">").Length - 1);
        Assert.Contains("value=\"approve\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"deny\"", html, StringComparison.Ordinal);
        Assert.Contains(response.Headers.GetValues("X-Fake-Consent-Request").Single(), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovalCarriesTheStateBackWithTheCode()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        using var browser = new BrowserlessClient();
        using var page = await AuthorizeAsync(env, browser, ValidQuery(env));

        var redirect = await env.DecideAsync(browser, page.Headers.GetValues("X-Fake-Consent-Request").Single(), approve: true, Ct);

        Assert.Equal("state-0123456789abcdef", ConnectionsTestEnvironment.QueryValue(redirect, "state"));
        Assert.NotNull(ConnectionsTestEnvironment.QueryValue(redirect, "code"));
    }
}
