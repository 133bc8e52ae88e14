using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Tests.Api;
using AirtableSync.Tests.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Tests.Validation;

/// <summary>POST /api/v1/connections/personal-access-token with tokens no HTTP header can carry, over loopback.</summary>
public sealed class PersonalAccessTokenApiTests
{
    private const string WhoAmI = "/v0/meta/whoami";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(BadInput.TokenCases), MemberType = typeof(BadInput))]
    public async Task ABadTokenIsAProblemNamingTheTokenAndNothingIsStoredSentOrLogged(string name)
    {
        var logs = new CapturingLoggerProvider();
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1), connectWithConfiguredToken: false,
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        var token = BadInput.Token(name);
        context.Fake.State.RequestLog.Clear();

        using var response = await context.Client.PostAsJsonAsync("/api/v1/connections/personal-access-token", new { token }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var problem = JsonNode.Parse(body)!.AsObject();
        var message = Assert.Single(problem["errors"]!["token"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith("The token ", message, StringComparison.Ordinal);
        Assert.DoesNotContain(BadInput.Prefix, body, StringComparison.Ordinal);
        Assert.Empty(await context.Store.ListConnectionsAsync(Ct));
        Assert.DoesNotContain(context.Fake.State.RequestLog.Entries, e => e.Path == WhoAmI);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(BadInput.Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task APastedTokenWithALineEndStillConnects()
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1), connectWithConfiguredToken: false);

        using var response = await context.Client.PostAsJsonAsync("/api/v1/connections/personal-access-token", new { token = ApiTestContext.Token + "\r\n" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(ApiTestContext.Token[^4..], Assert.Single(await context.Store.ListConnectionsAsync(Ct)).SecretHint);
    }

    [Fact]
    public async Task ATokenAtTheLengthLimitIsAskedAboutNotRefused()
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1), connectWithConfiguredToken: false);
        var token = BadInput.Prefix + new string('a', AirtableSync.Connections.TokenFormat.MaxLength - BadInput.Prefix.Length);
        context.Fake.State.RequestLog.Clear();

        using var response = await context.Client.PostAsJsonAsync("/api/v1/connections/personal-access-token", new { token }, Ct);

        // Airtable (the fake) does not know it: the refusal is Airtable's, which proves the token was sent.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("did not accept", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains(context.Fake.State.RequestLog.Entries, e => e.Path == WhoAmI && e.StatusCode == 401);
        Assert.Empty(await context.Store.ListConnectionsAsync(Ct));
    }
}
