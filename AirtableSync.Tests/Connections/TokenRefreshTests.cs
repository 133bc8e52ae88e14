using AirtableSync.Airtable;
using AirtableSync.Connections;

namespace AirtableSync.Tests.Connections;

/// <summary>ConnectionTokenSource over a real SQLite store and the fake's token endpoint (docs/airtable/public-api.md §1.3).</summary>
public class TokenRefreshTests
{
    private static readonly TimeSpan IntoRefreshWindow = TimeSpan.FromMinutes(56);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task TokenFarFromExpiryIsServedWithoutRefreshing()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        await env.SeedOAuthConnectionAsync(Ct);
        var stored = await env.ReadStoredTokensAsync(Ct);
        env.Time.Advance(TimeSpan.FromMinutes(50));

        var token = await env.Get<IAirtableTokenSource>().GetAccessTokenAsync(Ct);

        Assert.Equal(stored.AccessToken, token.Value);
        Assert.Equal(0, env.OAuth.RefreshCount);
        Assert.DoesNotContain(stored.AccessToken, token.RateLimitKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwentyConcurrentCallersAtExpiryCauseExactlyOneRefresh()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        await env.SeedOAuthConnectionAsync(Ct);
        var before = await env.ReadStoredTokensAsync(Ct);
        env.Time.Advance(IntoRefreshWindow);
        var source = env.Get<IAirtableTokenSource>();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () => await source.GetAccessTokenAsync(Ct), Ct)));

        // Attempts, not successes: without the single flight the losers would get 409s and still look fine by results alone.
        Assert.Single(env.OAuth.TokenRequests, r => r.GrantType == "refresh_token");
        var after = await env.ReadStoredTokensAsync(Ct);
        Assert.All(tokens, t => Assert.Equal(after.AccessToken, t.Value));
        Assert.NotEqual(before.AccessToken, after.AccessToken);
        Assert.NotNull(env.Fake.State.Tokens.Find(after.AccessToken));
    }

    [Fact]
    public async Task RefreshedPairIsStoredSoTheNextRefreshUsesTheNewRefreshToken()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        await env.SeedOAuthConnectionAsync(Ct);
        var source = env.Get<IAirtableTokenSource>();

        for (var cycle = 0; cycle < 3; cycle++)
        {
            env.Time.Advance(IntoRefreshWindow);
            var token = await source.GetAccessTokenAsync(Ct);
            Assert.Equal((await env.ReadStoredTokensAsync(Ct)).AccessToken, token.Value);
        }

        var refreshes = env.OAuth.TokenRequests.Where(r => r.GrantType == "refresh_token").ToList();
        Assert.Equal(3, refreshes.Count);
        Assert.All(refreshes, r => Assert.Equal(200, r.Status));
        Assert.Equal(3, refreshes.Select(r => r.RefreshToken).Distinct().Count());
    }

    [Fact]
    public async Task RotatedAwayRefreshTokenIsNeverSentAgain()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        await env.SeedOAuthConnectionAsync(Ct);
        var source = env.Get<IAirtableTokenSource>();
        env.Time.Advance(IntoRefreshWindow);
        var first = await source.GetAccessTokenAsync(Ct);

        // The API rejects the fresh token once (e.g. revoked in between): exactly one more refresh, with the NEW refresh token.
        var retry = await source.RefreshAfterUnauthorizedAsync(first, Ct);
        // A second caller that still holds the old token gets the already-refreshed one, without another refresh.
        var late = await source.RefreshAfterUnauthorizedAsync(first, Ct);

        Assert.NotNull(retry);
        Assert.NotEqual(first.Value, retry.Value);
        Assert.Equal(retry.Value, late?.Value);
        var sent = env.OAuth.TokenRequests.Where(r => r.GrantType == "refresh_token").Select(r => r.RefreshToken).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.All(env.OAuth.TokenRequests, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task InvalidGrantMarksTheConnectionNeedsReauthorizationAndFailsFast()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        var seeded = await env.SeedOAuthConnectionAsync(Ct);
        env.OAuth.RevokeGrantsOf("usrSandboxAdmin01");
        env.Time.Advance(IntoRefreshWindow);
        var source = env.Get<IAirtableTokenSource>();

        var error = await Assert.ThrowsAsync<AirtableAuthenticationException>(async () => await source.GetAccessTokenAsync(Ct));
        var requestsAfterFailure = env.OAuth.TokenRequests.Count;
        var again = await Assert.ThrowsAsync<AirtableAuthenticationException>(async () => await source.GetAccessTokenAsync(Ct));

        var stored = await env.Store.GetConnectionAsync(seeded.Id, Ct);
        Assert.Equal(ConnectionStatus.NeedsReauthorization, stored?.Status);
        Assert.Contains("Connect Airtable again", stored?.StatusMessage, StringComparison.Ordinal);
        Assert.True(error.IsAuthenticationFailure);
        Assert.Equal(stored?.StatusMessage, again.Message);
        Assert.Equal(requestsAfterFailure, env.OAuth.TokenRequests.Count);
    }

    [Fact]
    public async Task RefreshTokenUnusedFor60DaysNeedsReauthorization()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        var seeded = await env.SeedOAuthConnectionAsync(Ct);
        env.Time.Advance(TimeSpan.FromDays(61));

        await Assert.ThrowsAsync<AirtableAuthenticationException>(async () => await env.Get<IAirtableTokenSource>().GetAccessTokenAsync(Ct));

        Assert.Equal(ConnectionStatus.NeedsReauthorization, (await env.Store.GetConnectionAsync(seeded.Id, Ct))?.Status);
    }

    [Fact]
    public async Task ConflictMeansAnotherInstanceRefreshedSoItsStoredTokensAreUsed()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);
        var seeded = await env.SeedOAuthConnectionAsync(Ct);
        var original = await env.ReadStoredTokensAsync(Ct);
        env.Time.Advance(IntoRefreshWindow);
        // "Another instance" refreshes with the same refresh token and stores its result just as our request arrives.
        var theirs = await env.Get<OAuthTokenClient>().RefreshAsync(original.RefreshToken, Ct);
        env.OAuth.BeforeConflictResponse = () => env.Store.SaveConnectionAsync(
            seeded with { ProtectedSecret = env.Get<ConnectionSecrets>().ProtectTokenSet(theirs) }, Ct);

        var token = await env.Get<IAirtableTokenSource>().GetAccessTokenAsync(Ct);

        Assert.Equal(theirs.AccessToken, token.Value);
        Assert.Equal([200, 409], env.OAuth.TokenRequests.Where(r => r.GrantType == "refresh_token").Select(r => r.Status));
        Assert.Equal(ConnectionStatus.Active, (await env.Store.GetConnectionAsync(seeded.Id, Ct))?.Status);
    }

    [Fact]
    public async Task WithoutAnyConnectionTheTokenSourceFailsAsAuthentication()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<AirtableAuthenticationException>(async () => await env.Get<IAirtableTokenSource>().GetAccessTokenAsync(Ct));

        Assert.Contains("No Airtable connection", error.Message, StringComparison.Ordinal);
    }
}
