using System.Net;
using AirtableSync.Tests.Auth;
using AirtableSync.Tests.Infrastructure;
using AirtableSync.Web.Auth;

namespace AirtableSync.Tests.Validation;

// The account forms served as plain HTML posts (first-run setup, sign-in) and the account service behind the users
// page, with names that are not what they look like. None may answer 500, each refusal names the field, nothing is stored.
public sealed class AccountFormsBadInputTests
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private static Dictionary<string, string> SetupFields(string userName, string password) =>
        new() { ["Input.UserName"] = userName, ["Input.Password"] = password, ["Input.Confirm"] = password };

    [Theory]
    [MemberData(nameof(DisplayTextCases.RefusedOnAPostedPage), MemberType = typeof(DisplayTextCases))]
    public async Task SetupRefusesABadUserNameOnThePageAndCreatesNobody(string name)
    {
        await using var app = await AuthApp.StartAsync(bootstrapAdmin: false);
        using var client = app.NewClient();

        using var response = await AppSignIn.PostFormAsync(client, "/setup", SetupFields(DisplayTextCases.Value(name), "long-enough-password"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains(DisplayTextCases.Expected(name), page, StringComparison.Ordinal);
        Assert.False(await app.Store.AnyUsersAsync(Token));
    }

    [Theory]
    [MemberData(nameof(DisplayTextCases.Accepted), MemberType = typeof(DisplayTextCases))]
    public async Task SetupTakesANameInAnyScriptAndItSignsInAgain(string userName)
    {
        await using var app = await AuthApp.StartAsync(bootstrapAdmin: false);
        using var client = app.NewClient();
        const string password = "pässwörd-with-ümlauts-和";

        using var created = await AppSignIn.PostFormAsync(client, "/setup", SetupFields(userName, password));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(userName, Assert.Single(await app.Store.ListUsersAsync(Token)).UserName);
        using var again = await app.SignedInClientAsync(userName.ToLowerInvariant(), password);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/bases", Token)).StatusCode);
    }

    [Fact]
    public async Task ANulInAFormPostIsABadRequestAndNeitherCreatesNorSignsIn()
    {
        await using var app = await AuthApp.StartAsync(bootstrapAdmin: false);
        using var client = app.NewClient();

        using var setup = await AppSignIn.PostFormAsync(client, "/setup", SetupFields("first\0admin", "long-enough-password"));
        Assert.Equal(HttpStatusCode.BadRequest, setup.StatusCode);
        Assert.False(await app.Store.AnyUsersAsync(Token));

        using var created = await AppSignIn.PostFormAsync(client, "/setup", SetupFields("first-admin", "long-enough-password"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var other = app.NewClient();
        using var signIn = await AppSignIn.PostFormAsync(other, "/account/login", new() { ["Input.UserName"] = "first-admin", ["Input.Password"] = "long-enough-password\0" });
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.DoesNotContain(signIn.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(AppSignIn.CookieName, StringComparison.Ordinal)));
    }

    public static readonly TheoryData<string, string> BadSignIns = new()
    {
        { "ana\r\nINFO forged log line", AuthApp.AnalystPassword },
        { new string('a', 20_000), AuthApp.AnalystPassword },
        { AuthApp.AnalystName, new string('p', 200_000) },
        { AuthApp.AnalystName, AuthApp.AnalystPassword + "\u202E" },
        { "\u202E" + AuthApp.AnalystName, AuthApp.AnalystPassword },
    };

    [Theory]
    [MemberData(nameof(BadSignIns))]
    public async Task SignInWithBadTextGetsTheUsualRefusalNotAServerErrorNorAForgedLogLine(string userName, string password)
    {
        await using var app = await AuthApp.StartAsync();
        using var client = app.NewClient();

        using var response = await AppSignIn.PostFormAsync(client, "/account/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PasswordSignIn.Refused, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
        Assert.All(app.Logs.Lines, line => Assert.DoesNotContain("forged log line", line, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DisplayTextCases.Refused), MemberType = typeof(DisplayTextCases))]
    public async Task AUserWithABadNameOrDisplayNameIsNotCreated(string name)
    {
        await using var app = await AuthApp.StartAsync();
        var accounts = app.Get<LocalAccounts>();
        var before = (await app.Store.ListUsersAsync(Token)).Count;

        var badName = await accounts.CreateAsync(DisplayTextCases.Value(name), null, "a-long-password-1", AppRole.Analyst, false, Token);
        var badDisplayName = await accounts.CreateAsync("carol", DisplayTextCases.Value(name), "a-long-password-1", AppRole.Analyst, false, Token);

        Assert.Contains(DisplayTextCases.Expected(name), badName, StringComparison.Ordinal);
        Assert.Contains("user name", badName, StringComparison.Ordinal);
        Assert.Contains(DisplayTextCases.Expected(name), badDisplayName, StringComparison.Ordinal);
        Assert.Contains("display name", badDisplayName, StringComparison.Ordinal);
        Assert.Equal(before, (await app.Store.ListUsersAsync(Token)).Count);
    }
}
