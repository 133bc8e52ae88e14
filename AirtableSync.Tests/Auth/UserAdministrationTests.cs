using AirtableSync.Web.Auth;

namespace AirtableSync.Tests.Auth;

/// <summary>User management rules on the app's real store: the last admin stays, nobody demotes or disables themselves.</summary>
public sealed class UserAdministrationTests
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private static async Task<AppUser> UserAsync(AuthApp app, string name) =>
        await app.Store.FindUserByNameAsync(LocalAccounts.Normalize(name), Token) ?? throw new InvalidOperationException($"no {name}");

    [Fact]
    public async Task TheLastAdminCannotBeDemotedOrDisabled()
    {
        await using var app = await AuthApp.StartAsync();
        var accounts = app.Get<LocalAccounts>();
        var root = await UserAsync(app, AuthApp.AdminName);
        var analyst = await UserAsync(app, AuthApp.AnalystName);

        Assert.Equal("This is the last active admin: make another user admin first.", await accounts.ChangeRoleAsync(analyst.Id, root.Id, AppRole.Analyst, Token));
        Assert.Equal("This is the last active admin: make another user admin first.", await accounts.SetDisabledAsync(analyst.Id, root.Id, true, Token));
        Assert.Equal("You cannot demote or disable yourself; ask another admin.", await accounts.ChangeRoleAsync(root.Id, root.Id, AppRole.Analyst, Token));

        Assert.Equal(root, await UserAsync(app, AuthApp.AdminName));
    }

    [Fact]
    public async Task WithASecondAdminTheFirstCanBeDemotedButNotTheLastOneStanding()
    {
        await using var app = await AuthApp.StartAsync();
        var accounts = app.Get<LocalAccounts>();
        var root = await UserAsync(app, AuthApp.AdminName);
        var analyst = await UserAsync(app, AuthApp.AnalystName);

        Assert.Null(await accounts.ChangeRoleAsync(root.Id, analyst.Id, AppRole.Admin, Token));
        Assert.Null(await accounts.ChangeRoleAsync(analyst.Id, root.Id, AppRole.Analyst, Token));
        Assert.Equal("You cannot demote or disable yourself; ask another admin.", await accounts.SetDisabledAsync(analyst.Id, analyst.Id, true, Token));

        Assert.Equal(AppRole.Analyst, (await UserAsync(app, AuthApp.AdminName)).Role);
        Assert.Equal(AppRole.Admin, (await UserAsync(app, AuthApp.AnalystName)).Role);
    }

    [Fact]
    public async Task CreatingAUserChecksTheNameAndThePassword()
    {
        await using var app = await AuthApp.StartAsync();
        var accounts = app.Get<LocalAccounts>();

        Assert.Equal($"A user named \"Ana@Example.com\" already exists.", await accounts.CreateAsync("Ana@Example.com", null, "a-long-password-1", AppRole.Analyst, false, Token));
        Assert.Equal("The password must be at least 12 characters long.", await accounts.CreateAsync("bob", null, "short", AppRole.Analyst, false, Token));
        Assert.Equal("Enter a user name (or e-mail address) of at most 256 characters.", await accounts.CreateAsync(" ", null, "a-long-password-1", AppRole.Analyst, false, Token));
        Assert.Null(await accounts.CreateAsync("bob", "Bob B.", "a-long-password-1", AppRole.Analyst, false, Token));

        Assert.Equal("Bob B.", (await UserAsync(app, "bob")).DisplayName);
    }

    [Fact]
    public async Task ResettingAPasswordReplacesTheHashAndClearsTheLockout()
    {
        await using var app = await AuthApp.StartAsync();
        var root = await UserAsync(app, AuthApp.AdminName);
        var analyst = await UserAsync(app, AuthApp.AnalystName);
        await app.Store.RecordFailedSignInAsync(analyst.Id, 1, app.Clock.GetUtcNow().AddHours(1), Token);

        Assert.Null(await app.Get<LocalAccounts>().ResetPasswordAsync(root.Id, analyst.Id, "a-brand-new-password", Token));

        var after = await UserAsync(app, AuthApp.AnalystName);
        Assert.Null(after.LockedUntil);
        Assert.NotEqual(analyst.PasswordHash, after.PasswordHash);
        var signIn = await app.Get<PasswordSignIn>().SignInAsync(AuthApp.AnalystName, "a-brand-new-password", Token);
        Assert.NotNull(signIn.User);
    }
}
