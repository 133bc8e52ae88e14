using System.Security.Claims;
using AirtableSync.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AirtableSync.Tests.Auth;

public sealed class OpenIdConnectTests
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenIdConnectIsRegisteredAndOfferedOnlyWhenConfigured()
    {
        await using (var plain = await AuthApp.StartAsync())
        {
            Assert.Null(await plain.Get<IAuthenticationSchemeProvider>().GetSchemeAsync(OpenIdConnectSignIn.SchemeName));
            Assert.DoesNotContain("login-sso", await plain.NewClient().GetStringAsync("/account/login", Token), StringComparison.Ordinal);
        }

        // Nothing is fetched from the authority until someone clicks the button, so an unreachable one is fine here.
        await using var sso = await AuthApp.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Auth:OpenIdConnect:Authority"] = "https://login.example.invalid/",
            ["Auth:OpenIdConnect:ClientId"] = "airtablesync",
            ["Auth:OpenIdConnect:ClientSecret"] = "client-secret",
        });
        Assert.NotNull(await sso.Get<IAuthenticationSchemeProvider>().GetSchemeAsync(OpenIdConnectSignIn.SchemeName));
        var page = await sso.NewClient().GetStringAsync("/account/login", Token);
        Assert.Contains("data-testid=\"login-sso\"", page, StringComparison.Ordinal);
        Assert.Contains("Sign in with SSO", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthorityWithoutAClientIdStopsTheAppAtStartUp()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AuthApp.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Auth:OpenIdConnect:Authority"] = "https://login.example.invalid/",
        }));

        Assert.Contains("Auth:OpenIdConnect: set both Authority and ClientId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheProvidersRoleClaimMapsToTheAppRolesAdminFirst()
    {
        var settings = new OpenIdConnectSignInOptions { RoleClaimType = "groups", AdminValues = ["sync-admins"], AnalystValues = ["staff"] };
        ClaimsIdentity Identity(params string[] groups) => new(groups.Select(g => new Claim("groups", g)), "oidc");
        var admin = Identity("staff", "sync-admins");
        var analyst = Identity("STAFF");
        var nobody = Identity("other");

        OpenIdConnectSignIn.MapRoles(admin, settings);
        OpenIdConnectSignIn.MapRoles(analyst, settings);
        OpenIdConnectSignIn.MapRoles(nobody, settings);

        Assert.Equal([AppRoles.Admin], admin.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.Equal([AppRoles.Analyst], analyst.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.Empty(nobody.FindAll(ClaimTypes.Role));
    }
}
