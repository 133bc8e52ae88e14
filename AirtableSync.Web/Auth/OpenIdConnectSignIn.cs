using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace AirtableSync.Web.Auth;

// Registered only when Auth:OpenIdConnect is configured; the session then lives in the app's cookie.
public static class OpenIdConnectSignIn
{
    public const string SchemeName = OpenIdConnectDefaults.AuthenticationScheme;

    internal static void AddOpenIdConnectSignIn(this IServiceCollection services, AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var settings = configuration.GetSection($"{AuthOptions.SectionName}:OpenIdConnect").Get<OpenIdConnectSignInOptions>();
        if (settings is not { IsConfigured: true })
        {
            return;
        }
        authentication.AddOpenIdConnect(SchemeName, settings.DisplayName, options =>
        {
            options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.Authority = settings.Authority?.AbsoluteUri;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.SaveTokens = false;
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = "name";
            options.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;
            options.CallbackPath = "/signin-oidc";
            options.Events.OnTokenValidated = context =>
            {
                if (context.Principal?.Identity is ClaimsIdentity identity)
                {
                    MapRoles(identity, settings);
                }
                return Task.CompletedTask;
            };
        });
        services.AddSingleton(settings);
    }

    // Admin wins over Analyst.
    public static void MapRoles(ClaimsIdentity identity, OpenIdConnectSignInOptions settings)
    {
        var values = identity.FindAll(settings.RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var role = settings.AdminValues.Any(values.Contains) ? AppRoles.Admin
            : settings.AnalystValues.Any(values.Contains) ? AppRoles.Analyst
            : null;
        if (role is not null)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }
    }
}
