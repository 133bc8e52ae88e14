using System.Net;
using AirtableSync.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace AirtableSync.Tests.Auth;

public sealed class SetupTests
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Fields(string userName, string password, string confirm) =>
        new() { ["Input.UserName"] = userName, ["Input.Password"] = password, ["Input.Confirm"] = confirm };

    [Fact]
    public async Task WithoutUsersEveryPageLeadsToSetupWhichCreatesTheFirstAdminAndThenCloses()
    {
        await using var app = await AuthApp.StartAsync(bootstrapAdmin: false);
        using var client = app.NewClient();
        foreach (var path in new[] { "/", "/bases", "/account/login", "/admin/users" })
        {
            using var response = await client.GetAsync(path, Token);
            Assert.Equal("/setup", response.Headers.Location?.OriginalString);
        }
        // The REST API keeps answering as an API.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/bases", Token)).StatusCode);

        using var mismatch = await AppSignIn.PostFormAsync(client, "/setup", Fields("first@example.com", "long-enough-password", "another-password-x"));
        using var tooShort = await AppSignIn.PostFormAsync(client, "/setup", Fields("first@example.com", "short", "short"));
        Assert.Contains("The two passwords differ.", await mismatch.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.False(await app.Store.AnyUsersAsync(Token));

        using var created = await AppSignIn.PostFormAsync(client, "/setup", Fields("first@example.com", "long-enough-password", "long-enough-password"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var admin = Assert.Single(await app.Store.ListUsersAsync(Token));
        Assert.Equal(("first@example.com", AppRole.Admin), (admin.UserName, admin.Role));
        Assert.DoesNotContain("long-enough-password", admin.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users", Token)).StatusCode);

        using var again = app.NewClient();
        using var closed = await again.GetAsync("/setup", Token);
        Assert.Equal("/account/login", closed.Headers.Location?.OriginalString);
        Assert.Contains("/account/login", (await again.GetAsync("/", Token)).Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBootstrapAdminFromConfigurationIsCreatedAtStartUpAndCanSignIn()
    {
        await using var app = await AuthApp.StartAsync();

        var admin = await app.Store.FindUserByNameAsync("ROOT@EXAMPLE.COM", Token);

        Assert.Equal(AppRole.Admin, admin?.Role);
        Assert.DoesNotContain(AuthApp.AdminPassword, admin?.PasswordHash, StringComparison.Ordinal);
        using var client = await app.SignedInClientAsync(AuthApp.AdminName, AuthApp.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users", Token)).StatusCode);
    }

    [Fact]
    public async Task ABootstrapAdminWithAShortPasswordStopsTheAppAtStartUp()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AuthApp.StartAsync(bootstrapAdmin: false, extra: new Dictionary<string, string?>
        {
            ["Auth:BootstrapAdmin:UserName"] = "admin",
            ["Auth:BootstrapAdmin:Password"] = "short",
        }));

        Assert.Contains("at least 12 characters", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short\"", error.Message, StringComparison.Ordinal);
    }
}
