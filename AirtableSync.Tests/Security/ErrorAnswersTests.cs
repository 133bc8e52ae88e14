using System.Net;
using System.Text;
using AirtableSync.Tests.Auth;
using AirtableSync.Tests.Infrastructure;

namespace AirtableSync.Tests.Security;

// What the app answers when something goes wrong must never carry back what the caller sent as a credential.
public sealed class ErrorAnswersTests
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task AMalformedApiBodyIsAProblemThatEchoesNoHeaderInAnyEnvironment(string environment)
    {
        await using var app = await AuthApp.StartAsync(environment: environment, extra: new Dictionary<string, string?> { ["Airtable:Sandbox"] = "false" });
        using var client = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/schedule") { Content = new StringContent("""{"incrementalCron":""", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", AuthApp.ConfiguredApiKey);
        request.Headers.Add("Cookie", "airtablesync_auth=cookie-value-that-must-not-come-back");

        using var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.DoesNotContain(AuthApp.ConfiguredApiKey, body, StringComparison.Ordinal);
        Assert.DoesNotContain("cookie-value-that-must-not-come-back", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedSetupDoesNotSendThePasswordBackInThePage()
    {
        await using var app = await AuthApp.StartAsync(bootstrapAdmin: false);
        using var client = app.NewClient();

        using var mismatch = await AppSignIn.PostFormAsync(client, "/setup",
            new() { ["Input.UserName"] = "first@example.com", ["Input.Password"] = "typed-secret-one-1234", ["Input.Confirm"] = "typed-secret-two-1234" });

        var page = await mismatch.Content.ReadAsStringAsync(Token);
        Assert.Contains("The two passwords differ.", page, StringComparison.Ordinal);
        Assert.Contains("first@example.com", page, StringComparison.Ordinal);
        Assert.DoesNotContain("typed-secret-one-1234", page, StringComparison.Ordinal);
        Assert.DoesNotContain("typed-secret-two-1234", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedSignInDoesNotSendThePasswordBackInThePage()
    {
        await using var app = await AuthApp.StartAsync();
        using var client = app.NewClient();

        using var refused = await AppSignIn.PostFormAsync(client, "/account/login",
            new() { ["Input.UserName"] = AuthApp.AnalystName, ["Input.Password"] = "typed-wrong-secret-5678" });
        using var noName = await AppSignIn.PostFormAsync(client, "/account/login",
            new() { ["Input.UserName"] = "", ["Input.Password"] = "typed-wrong-secret-5678" });

        foreach (var response in new[] { refused, noName })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("typed-wrong-secret-5678", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }
        Assert.Contains(AuthApp.AnalystName, await refused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }
}
