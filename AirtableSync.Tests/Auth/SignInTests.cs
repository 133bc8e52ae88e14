using System.Net;
using AirtableSync.Tests.Infrastructure;
using AirtableSync.Web.Auth;

namespace AirtableSync.Tests.Auth;

public sealed class SignInTests
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        AppSignIn.PostFormAsync(client, "/account/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

    [Fact]
    public async Task TheRightPasswordSignsInAndLeadsBackToTheRequestedPage()
    {
        await using var app = await AuthApp.StartAsync();
        using var client = app.NewClient();

        using var response = await AppSignIn.PostFormAsync(client, "/account/login?returnUrl=%2Fbases",
            new() { ["Input.UserName"] = "ANA@example.com", ["Input.Password"] = AuthApp.AnalystPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/bases", response.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/bases", Token)).StatusCode);
        Assert.Equal(app.Clock.GetUtcNow(), (await app.Store.FindUserByNameAsync("ANA@EXAMPLE.COM", Token))?.LastSignInAt);
    }

    [Fact]
    public async Task AReturnUrlToAnotherSiteIsIgnored()
    {
        await using var app = await AuthApp.StartAsync();
        using var client = app.NewClient();

        using var response = await AppSignIn.PostFormAsync(client, "/account/login?returnUrl=https%3A%2F%2Fevil.example%2F",
            new() { ["Input.UserName"] = AuthApp.AnalystName, ["Input.Password"] = AuthApp.AnalystPassword });

        Assert.Equal(app.BaseUrl, response.Headers.Location);
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownUserGetTheSameRefusal()
    {
        await using var app = await AuthApp.StartAsync();
        using var client = app.NewClient();

        using var wrong = await SignInAsync(client, AuthApp.AnalystName, "not-the-password-at-all");
        using var unknown = await SignInAsync(client, "nobody@example.com", "not-the-password-at-all");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongPage = await wrong.Content.ReadAsStringAsync(Token);
        Assert.Contains(WebUtility.HtmlEncode(PasswordSignIn.Refused), wrongPage, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(PasswordSignIn.Refused), await unknown.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", Token)).StatusCode);
    }

    [Fact]
    public async Task RepeatedBadPasswordsLockTheAccountUntilTheLockoutEnds()
    {
        await using var app = await AuthApp.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Auth:Lockout:MaxFailedAttempts"] = "3",
            ["Auth:Lockout:Duration"] = "00:15:00",
        });
        using var client = app.NewClient();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var bad = await SignInAsync(client, AuthApp.AnalystName, "wrong-password-number-" + attempt);
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        }
        var locked = await app.Store.FindUserByNameAsync("ANA@EXAMPLE.COM", Token);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(15), locked?.LockedUntil);

        using var whileLocked = await SignInAsync(client, AuthApp.AnalystName, AuthApp.AnalystPassword);
        Assert.Equal(HttpStatusCode.OK, whileLocked.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(PasswordSignIn.Refused), await whileLocked.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(14));
        using var stillLocked = await SignInAsync(client, AuthApp.AnalystName, AuthApp.AnalystPassword);
        Assert.Equal(HttpStatusCode.OK, stillLocked.StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var afterLockout = await SignInAsync(client, AuthApp.AnalystName, AuthApp.AnalystPassword);
        Assert.Equal(HttpStatusCode.Redirect, afterLockout.StatusCode);
        var unlocked = await app.Store.FindUserByNameAsync("ANA@EXAMPLE.COM", Token);
        Assert.Equal((0, (DateTimeOffset?)null), (unlocked?.FailedSignIns, unlocked?.LockedUntil));
    }

    [Fact]
    public async Task ADisabledUserCannotSignInAndLosesTheirSessionAtOnce()
    {
        await using var app = await AuthApp.StartAsync();
        using var analyst = await app.SignedInClientAsync(AuthApp.AnalystName, AuthApp.AnalystPassword);
        var user = await app.Store.FindUserByNameAsync("ANA@EXAMPLE.COM", Token) ?? throw new InvalidOperationException("no analyst");
        var admin = await app.Store.FindUserByNameAsync("ROOT@EXAMPLE.COM", Token) ?? throw new InvalidOperationException("no admin");

        Assert.Null(await app.Get<LocalAccounts>().SetDisabledAsync(admin.Id, user.Id, disabled: true, Token));

        using var page = await analyst.GetAsync("/bases", Token);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var again = await SignInAsync(app.NewClient(), AuthApp.AnalystName, AuthApp.AnalystPassword);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task SignInPostsBeyondTheRateLimitAnswer429()
    {
        await using var app = await AuthApp.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Auth:SignInRateLimit:PermitLimit"] = "3",
            ["Auth:SignInRateLimit:Window"] = "01:00:00",
        });
        using var client = app.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await SignInAsync(client, AuthApp.AnalystName, "wrong-password-" + attempt);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429, (HttpStatusCode)429], statuses);
        // Showing the form is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login", Token)).StatusCode);
    }

    [Fact]
    public async Task SignOutIsAPostThatEndsTheSession()
    {
        await using var app = await AuthApp.StartAsync();
        using var client = await app.SignedInClientAsync(AuthApp.AdminName, AuthApp.AdminPassword);

        using var withoutToken = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]), Token);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Token)).StatusCode);

        using var signOut = await AppSignIn.PostFormAsync(client, "/account/access-denied", [], action: "/account/logout");
        Assert.Equal("/account/login", signOut.Headers.Location?.OriginalString);
        using var after = await client.GetAsync("/", Token);
        Assert.Contains("/account/login", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
