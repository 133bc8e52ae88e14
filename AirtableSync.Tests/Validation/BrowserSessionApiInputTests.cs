using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Tests.Api;
using AirtableSync.Tests.Connections;
using AirtableSync.WebSession;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Tests.Validation;

/// <summary>
/// The browser-session endpoints with control characters and over-long values: a typed line break would press
/// Enter in Airtable's login form, so each is a problem naming the field, no browser starts and nothing is stored.
/// </summary>
public sealed class BrowserSessionApiInputTests
{
    private const string Password = "correct-horse-battery";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public static readonly TheoryData<string, string, string> BadCredentials = new()
    {
        { "ada@example.com\r\nBcc: eve@example.com", Password, "email" },
        { "ada@exam\0ple.com", Password, "email" },
        { "ada @example.com", Password, "email" },
        { new string('a', LoginInputRules.MaxEmailLength) + "@example.com", Password, "email" },
        { "ada@example.com", "pass\r\nword", "password" },
        { "ada@example.com", "pass\nword", "password" },
        { "ada@example.com", "pass\0word", "password" },
        { "ada@example.com", "pass\tword", "password" },
        { "ada@example.com", new string('p', LoginInputRules.MaxPasswordLength + 1), "password" },
    };

    [Theory]
    [MemberData(nameof(BadCredentials))]
    public async Task BadCredentialsAreAProblemNamingTheFieldAndNoLoginStarts(string email, string password, string field)
    {
        var logs = new CapturingLoggerProvider();
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1), services: s => s.AddSingleton<ILoggerProvider>(logs));
        var before = await context.Store.ListConnectionsAsync(Ct);

        using var response = await context.Client.PostAsJsonAsync("/api/v1/browser-sessions", new { email, password }, Ct);

        await AssertProblemNamingAsync(response, field);
        Assert.Empty(context.App.Services.GetRequiredService<BrowserLoginCoordinator>().Logins);
        Assert.Equal(before.Count, (await context.Store.ListConnectionsAsync(Ct)).Count);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(password, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("123\r\n456")]
    [InlineData("123456\0")]
    [InlineData("12\t3456")]
    [InlineData("\u0661\u0662\u0663\u0664\u0665\u0666")] // Arabic-Indic digits: \d would take them, Airtable would not.
    [InlineData("\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16")] // full-width digits
    [InlineData("123456789012345678901234567890")]
    public async Task ABadCodeIsAProblemNamingTheCode(string code)
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1));

        using var response = await context.Client.PostAsJsonAsync("/api/v1/browser-sessions/blsUnknown/mfa", new { code }, Ct);

        await AssertProblemNamingAsync(response, "code");
    }

    [Theory]
    [InlineData("mo\r\nve")]
    [InlineData("down\0")]
    [InlineData("m\u00f6ve")]
    public async Task ABadPointerTypeIsAProblemNamingTheType(string type)
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1));

        using var response = await context.Client.PostAsJsonAsync("/api/v1/browser-sessions/blsUnknown/pointer", new { type, x = 1, y = 1 }, Ct);

        await AssertProblemNamingAsync(response, "type");
    }

    [Theory]
    [InlineData("GET", "/api/v1/browser-sessions/bls%0D%0AX-Injected:%20yes")]
    [InlineData("GET", "/api/v1/browser-sessions/bls%C3%A9/screen")]
    [InlineData("DELETE", "/api/v1/browser-sessions/bls%0A")]
    public async Task AnIdWithControlOrNonAsciiCharactersIsNotFoundNotAServerError(string method, string path)
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1));

        using var response = await context.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task AssertProblemNamingAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }
}
