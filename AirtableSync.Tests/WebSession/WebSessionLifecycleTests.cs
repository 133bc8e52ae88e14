using System.Net;
using AirtableSync.Sandbox;
using AirtableSync.Storage;
using AirtableSync.WebSession;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.WebSession;

/// <summary>Coordinator → Chromium → fake → SQLite, then the cookies reused by plain HttpClient and validated.</summary>
public class WebSessionLifecycleTests
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task CookiesFromABrowserLoginWorkOverPlainHttpClientUntilAirtableExpiresThem()
    {
        await using var host = await WebSessionHost.StartAsync(Token);
        var logins = host.Services.GetRequiredService<BrowserLoginCoordinator>();
        using var scope = host.Services.CreateScope();
        var validator = scope.ServiceProvider.GetRequiredService<WebSessionValidator>();
        Assert.Equal(WebSessionState.None, (await validator.GetCurrentAsync(Token)).State);

        var pending = await logins.StartAsync(FakeUserDirectory.SandboxEmail, FakeUserDirectory.SandboxPassword, Token);
        var connected = await logins.SubmitCodeAsync(pending.Id, WebLoginHarness.CurrentMfaCode(), Token);
        Assert.Equal(BrowserLoginState.Connected, connected.State);
        await ChromiumProcesses.AssertNoneLeftAsync(host.ProfileDirectory);

        var stored = await host.Services.GetRequiredService<ISyncStore>().GetConnectionAsync("test-web", Token);
        Assert.NotNull(stored);
        Assert.Equal(ConnectionKind.WebSession, stored.Kind);
        Assert.Equal("usrSandboxAdmin01", stored.AirtableUserId);
        Assert.Equal(FakeUserDirectory.SandboxEmail, stored.Email);
        var session = await validator.RequireSessionAsync(Token);
        Assert.DoesNotContain(session.Cookies.Single(c => c.Name == "__Host-airtable-session").Value, stored.ProtectedSecret, StringComparison.Ordinal);

        // The browser is gone; a plain HttpClient with the cookie header and the browser's user agent is signed in.
        using var plain = new HttpClient { BaseAddress = host.Fake.BaseUrl };
        Assert.Equal(HttpStatusCode.OK, await GetUserPropertiesAsync(plain, session));
        var valid = await validator.ValidateAsync(Token);
        Assert.Equal(WebSessionState.Valid, valid.State);
        Assert.Equal("usrSandboxAdmin01", valid.AirtableUserId);
        Assert.NotNull(valid.ValidatedAt);

        Assert.Equal(1, host.Fake.State.WebSessions.Expire("usrSandboxAdmin01"));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetUserPropertiesAsync(plain, session));
        var expired = await validator.ValidateAsync(Token);
        Assert.Equal(WebSessionState.Expired, expired.State);
        Assert.Equal(valid.ValidatedAt, expired.ValidatedAt);
        await Assert.ThrowsAsync<WebSessionReloginRequiredException>(() => validator.RequireSessionAsync(Token));
    }

    [Fact]
    public async Task SecondLoginOnTheSameConnectionIsRefusedWhileOneRunsAndCancelClosesTheBrowser()
    {
        await using var host = await WebSessionHost.StartAsync(Token);
        var logins = host.Services.GetRequiredService<BrowserLoginCoordinator>();
        var first = await logins.StartAsync(FakeUserDirectory.SandboxEmail, FakeUserDirectory.SandboxPassword, Token);
        Assert.Equal(BrowserLoginState.AwaitingMfa, first.State);

        var refused = await Assert.ThrowsAsync<BrowserLoginInProgressException>(
            () => logins.StartAsync(FakeUserDirectory.SandboxEmail, FakeUserDirectory.SandboxPassword, Token));
        Assert.Equal(first.Id, refused.RunningLoginId);
        // A wizard opened again (a reload, another tab) finds the running login to take it up.
        Assert.Equal((first.Id, BrowserLoginState.AwaitingMfa), (logins.FindUnfinished()?.Id, logins.FindUnfinished()?.State));

        Assert.True(await logins.CancelAsync(first.Id));
        Assert.Equal(BrowserLoginState.Cancelled, logins.GetStatus(first.Id)?.State);
        Assert.Null(logins.FindUnfinished());
        await ChromiumProcesses.AssertNoneLeftAsync(host.ProfileDirectory);
    }

    private static async Task<HttpStatusCode> GetUserPropertiesAsync(HttpClient http, AirtableWebSession session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v0.3/getUserProperties");
        session.ApplyTo(request);
        using var response = await http.SendAsync(request, Token);
        return response.StatusCode;
    }
}
