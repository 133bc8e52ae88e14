using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AirtableSync.Connections;

namespace AirtableSync.Tests.Connections;

/// <summary>OAuthTokenClient against the fake's /oauth2/v1/token, rule by rule (docs/airtable/public-api.md §1.3).</summary>
public class TokenEndpointTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task CodeExchangeReturnsTokensTheFakeApiAccepts()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        var (code, pending) = await env.AuthorizeCodeAsync(Ct);

        var tokens = await env.Get<OAuthTokenClient>().ExchangeCodeAsync(code, pending.CodeVerifier, pending.RedirectUri, Ct);

        var registered = env.Fake.State.Tokens.Find(tokens.AccessToken);
        Assert.NotNull(registered);
        Assert.Equal("usrSandboxAdmin01", registered.UserId);
        Assert.Equal(env.Time.GetUtcNow().AddMinutes(60), registered.ExpiresAt);
        Assert.Equal(env.Time.GetUtcNow().AddMinutes(60), tokens.AccessTokenExpiresAt);
        Assert.Equal(env.Time.GetUtcNow().AddDays(60), tokens.RefreshTokenExpiresAt);
        Assert.Equal(["data.records:read", "schema.bases:read", "user.email:read"], tokens.Scopes);
    }

    [Fact]
    public async Task WrongVerifierIsRejectedAsInvalidGrant()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        var (code, pending) = await env.AuthorizeCodeAsync(Ct);

        var error = await ExchangeRefusedAsync(env, code, Pkce.CreateVerifier(), pending.RedirectUri);

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.True(error.IsInvalidGrant);
    }

    [Fact]
    public async Task CodeIsSingleUseEvenWhenTheFirstExchangeFailed()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        var (code, pending) = await env.AuthorizeCodeAsync(Ct);
        await ExchangeRefusedAsync(env, code, Pkce.CreateVerifier(), pending.RedirectUri);

        var reuse = await ExchangeRefusedAsync(env, code, pending.CodeVerifier, pending.RedirectUri);

        Assert.True(reuse.IsInvalidGrant);
    }

    [Fact]
    public async Task ReusedCodeIsRejectedAfterASuccessfulExchange()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        var (code, pending) = await env.AuthorizeCodeAsync(Ct);
        await env.Get<OAuthTokenClient>().ExchangeCodeAsync(code, pending.CodeVerifier, pending.RedirectUri, Ct);

        var reuse = await ExchangeRefusedAsync(env, code, pending.CodeVerifier, pending.RedirectUri);

        Assert.True(reuse.IsInvalidGrant);
    }

    [Fact]
    public async Task CodeOlderThanTenMinutesIsRejected()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        var (code, pending) = await env.AuthorizeCodeAsync(Ct);
        env.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var error = await ExchangeRefusedAsync(env, code, pending.CodeVerifier, pending.RedirectUri);

        Assert.True(error.IsInvalidGrant);
    }

    [Fact]
    public async Task RedirectUriDifferentFromTheAuthorizeRequestIsRejected()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        var (code, pending) = await env.AuthorizeCodeAsync(Ct);

        var error = await ExchangeRefusedAsync(env, code, pending.CodeVerifier, new Uri(env.BaseUrl, "/elsewhere"));

        Assert.True(error.IsInvalidGrant);
    }

    [Fact]
    public async Task PublicClientIdentifiesItselfInTheBodyWithoutBasicAuth()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        await env.SeedOAuthConnectionAsync(Ct);

        var request = Assert.Single(env.OAuth.TokenRequests);
        Assert.Equal(200, request.Status);
        Assert.False(request.UsedBasicAuth);
        Assert.Equal(ConnectionsTestEnvironment.PublicClientId, request.ClientId);
    }

    [Fact]
    public async Task ConfidentialClientAuthenticatesWithBasicAuth()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(confidential: true, cancellationToken: Ct);
        await env.SeedOAuthConnectionAsync(Ct);

        var request = Assert.Single(env.OAuth.TokenRequests);
        Assert.Equal(200, request.Status);
        Assert.True(request.UsedBasicAuth);
        Assert.Equal(ConnectionsTestEnvironment.ConfidentialClientId, request.ClientId);
    }

    [Fact]
    public async Task SecretSentForASecretlessClientIsInvalidClient() =>
        await AssertCodeExchangeIsInvalidClientAsync(new() { ["Airtable:OAuth:ClientSecret"] = "a-secret-this-client-does-not-have" });

    [Fact]
    public async Task ConfidentialClientWithoutItsSecretIsInvalidClient() =>
        await AssertCodeExchangeIsInvalidClientAsync(new() { ["Airtable:OAuth:ClientId"] = ConnectionsTestEnvironment.ConfidentialClientId });

    [Fact]
    public async Task ClientIdDifferingBetweenHeaderAndBodyIsInvalidClient()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(confidential: true, cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = env.Fake.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth2/v1/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = "oart-anything",
                ["client_id"] = ConnectionsTestEnvironment.PublicClientId,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            Encoding.UTF8.GetBytes($"{ConnectionsTestEnvironment.ConfidentialClientId}:{ConnectionsTestEnvironment.ConfidentialClientSecret}")));

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"invalid_client\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshRotatesBothTokensAndTheOldRefreshTokenAnswers409ThenInvalidGrant()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        await env.SeedOAuthConnectionAsync(Ct);
        var first = await env.ReadStoredTokensAsync(Ct);
        var client = env.Get<OAuthTokenClient>();

        var second = await client.RefreshAsync(first.RefreshToken, Ct);

        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Null(env.Fake.State.Tokens.Find(first.AccessToken));
        Assert.NotNull(env.Fake.State.Tokens.Find(second.AccessToken));
        var duplicate = await Assert.ThrowsAsync<OAuthTokenEndpointException>(() => client.RefreshAsync(first.RefreshToken, Ct));
        Assert.True(duplicate.IsRecentlyRefreshed);
        env.Time.Advance(env.OAuth.Options.DuplicateRefreshGraceWindow + TimeSpan.FromSeconds(1));
        var late = await Assert.ThrowsAsync<OAuthTokenEndpointException>(() => client.RefreshAsync(first.RefreshToken, Ct));
        Assert.True(late.IsInvalidGrant);
    }

    /// <summary>The app's client configured with <paramref name="settings"/> gets a fresh code, then is refused at the exchange as a client.</summary>
    private static async Task AssertCodeExchangeIsInvalidClientAsync(Dictionary<string, string?> settings)
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(settings: settings, cancellationToken: Ct);
        var (code, pending) = await env.AuthorizeCodeAsync(Ct);

        var error = await ExchangeRefusedAsync(env, code, pending.CodeVerifier, pending.RedirectUri);

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal("invalid_client", error.Error);
    }

    private static Task<OAuthTokenEndpointException> ExchangeRefusedAsync(ConnectionsTestEnvironment env, string code, string verifier, Uri redirectUri) =>
        Assert.ThrowsAsync<OAuthTokenEndpointException>(() => env.Get<OAuthTokenClient>().ExchangeCodeAsync(code, verifier, redirectUri, Ct));
}
