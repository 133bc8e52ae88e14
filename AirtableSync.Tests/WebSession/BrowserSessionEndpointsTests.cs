using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AirtableSync.Sandbox;
using AirtableSync.WebSession;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.WebSession;

public class BrowserSessionEndpointsTests
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoginThroughTheApiAwaitsMfaThenConnectsAndTheCurrentSessionIsValid()
    {
        await using var host = await WebSessionHost.StartAsync(Token);
        Assert.Equal("none", (await GetJsonAsync(host, "/api/v1/browser-sessions/current")).GetProperty("state").GetString());

        using var started = await host.Http.PostAsJsonAsync("/api/v1/browser-sessions", new { email = FakeUserDirectory.SandboxEmail, password = FakeUserDirectory.SandboxPassword }, Token);
        var login = await started.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("awaitingMfa", login.GetProperty("state").GetString());

        var id = login.GetProperty("id").GetString();
        using var mfa = await host.Http.PostAsJsonAsync($"/api/v1/browser-sessions/{id}/mfa", new { code = WebLoginHarness.CurrentMfaCode() }, Token);
        Assert.Equal("connected", (await mfa.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("state").GetString());

        var current = await GetJsonAsync(host, "/api/v1/browser-sessions/current");
        Assert.Equal("valid", current.GetProperty("state").GetString());
        Assert.Equal("usrSandboxAdmin01", current.GetProperty("userId").GetString());
        await ChromiumProcesses.AssertNoneLeftAsync(host.ProfileDirectory);
    }

    [Theory]
    [InlineData("""{"email":"","password":"x"}""", "email")]
    [InlineData("""{"email":"sandbox@example.com"}""", "password")]
    public async Task StartWithoutCredentialsIsAValidationProblem(string body, string field)
    {
        await using var host = await WebSessionHost.StartAsync(Token);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await host.Http.PostAsync("/api/v1/browser-sessions", content, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task CodeThatIsNotDigitsIsAValidationProblemAndAnUnknownLoginIsNotFound()
    {
        await using var host = await WebSessionHost.StartAsync(Token);

        using var badCode = await host.Http.PostAsJsonAsync("/api/v1/browser-sessions/blsNope/mfa", new { code = "12ab" }, Token);
        using var unknown = await host.Http.PostAsJsonAsync("/api/v1/browser-sessions/blsNope/mfa", new { code = "123456" }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task HandedOverChallengeIsShownAndPressedThroughTheApiThenTheLoginConnects()
    {
        await using var host = await WebSessionHost.StartAsync(
            f => (f.WebLoginChallenge, f.WebLoginChallengeHoldMs) = (true, 300),
            new Dictionary<string, string?> { ["Browser:Headless"] = "false" },
            Token);
        using var started = await host.Http.PostAsJsonAsync("/api/v1/browser-sessions", new { email = FakeUserDirectory.SandboxEmail, password = FakeUserDirectory.SandboxPassword }, Token);
        var login = await started.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("challenge", login.GetProperty("state").GetString());
        Assert.True(login.GetProperty("handedOver").GetBoolean());
        var id = login.GetProperty("id").GetString() ?? "";

        using var screen = await host.Http.GetAsync($"/api/v1/browser-sessions/{id}/screen", Token);
        Assert.Equal(HttpStatusCode.OK, screen.StatusCode);
        Assert.Equal("image/jpeg", screen.Content.Headers.ContentType?.MediaType);
        Assert.True((await screen.Content.ReadAsByteArrayAsync(Token)).Length > 5_000);
        Assert.Equal("1280", screen.Headers.GetValues("X-Page-Width").Single());

        using var badType = await host.Http.PostAsJsonAsync($"/api/v1/browser-sessions/{id}/pointer", new { type = "click", x = 1, y = 1 }, Token);
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        var session = host.Services.GetRequiredService<BrowserLoginCoordinator>().Find(id) ?? throw new InvalidOperationException("No login.");
        var box = await (session.Page ?? throw new InvalidOperationException("No page.")).Locator("#px-captcha").BoundingBoxAsync()
            ?? throw new InvalidOperationException("No button.");
        using var down = await host.Http.PostAsJsonAsync($"/api/v1/browser-sessions/{id}/pointer", new { type = "down", x = box.X + box.Width / 2, y = box.Y + box.Height / 2 }, Token);
        Assert.Equal(HttpStatusCode.NoContent, down.StatusCode);
        Assert.Equal(BrowserLoginState.AwaitingMfa, (await session.WaitForStatusAsync(s => s.State != BrowserLoginState.Challenge, Token)).State);

        using var noLonger = await host.Http.GetAsync($"/api/v1/browser-sessions/{id}/screen", Token);
        Assert.Equal(HttpStatusCode.Conflict, noLonger.StatusCode);
        using var mfa = await host.Http.PostAsJsonAsync($"/api/v1/browser-sessions/{id}/mfa", new { code = WebLoginHarness.CurrentMfaCode() }, Token);
        Assert.Equal("connected", (await mfa.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("state").GetString());
        Assert.Equal("valid", (await GetJsonAsync(host, "/api/v1/browser-sessions/current")).GetProperty("state").GetString());
        await ChromiumProcesses.AssertNoneLeftAsync(host.ProfileDirectory);
    }

    private static async Task<JsonElement> GetJsonAsync(WebSessionHost host, string path) =>
        await host.Http.GetFromJsonAsync<JsonElement>(path, Token);
}
