using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace AirtableSync.Web.Auth;

public static class AuthServiceCollectionExtensions
{
    public const string SignInRateLimitPolicy = "sign-in";

    /// <summary>
    /// App sign-in: a cookie for people (local accounts, or OpenID Connect when configured), roles Admin and Analyst,
    /// every page and endpoint closed to anonymous callers unless marked [AllowAnonymous].
    /// <code>
    /// "Auth": {
    ///   "CookieLifetime": "08:00:00",
    ///   "Lockout": { "MaxFailedAttempts": 5, "Duration": "00:15:00" },
    ///   "SignInRateLimit": { "PermitLimit": 10, "Window": "00:01:00" },
    ///   "BootstrapAdmin": { "UserName": "admin", "Password": "from the environment: Auth__BootstrapAdmin__Password" },
    ///   "OpenIdConnect": { "Authority": "https://login.example.com", "ClientId": "...", "ClientSecret": "...",
    ///                      "RoleClaimType": "roles", "AdminValues": [ "admin" ], "AnalystValues": [ "analyst" ] }
    /// }
    /// </code>
    /// </summary>
    public static IServiceCollection AddAppSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPasswordHasher<AppUser>, PasswordHasher<AppUser>>();
        services.AddSingleton<PasswordSignIn>();
        services.AddSingleton<LocalAccounts>();
        services.AddSingleton<UserPresence>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<PersonalPreferences>();
        services.AddScoped<UserAdminActions>();
        services.AddScoped<ApiKeyActions>();
        services.AddHostedService<BootstrapAdminSeeder>();
        services.AddCascadingAuthenticationState();

        var lifetime = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>()?.CookieLifetime ?? TimeSpan.FromHours(8);
        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = AccountPaths.Login;
                options.LogoutPath = AccountPaths.Logout;
                options.AccessDeniedPath = AccountPaths.AccessDenied;
                options.Cookie.Name = "airtablesync_auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = lifetime;
                options.SlidingExpiration = true;
                options.Events = new SignInCookieEvents();
            });
        services.AddOpenIdConnectSignIn(authentication, configuration);

        services.AddAuthorizationBuilder()
            .AddPolicy(AppRoles.AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(AppRoles.Admin))
            // Everything without its own rule needs a signed-in Admin or Analyst: a new page or endpoint is closed by default.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(AppRoles.Admin, AppRoles.Analyst).Build());

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A body of its own, so the friendly not-found re-execution leaves the 429 alone.
            options.OnRejected = (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(context.HttpContext.Response.WriteAsync("Too many sign-in attempts from this address. Wait a minute and try again.", cancellationToken));
            };
            // Only the form posts count; showing the sign-in page stays free.
            options.AddPolicy(SignInRateLimitPolicy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }
                var limit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value.SignInRateLimit;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit,
                    Window = limit.Window,
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
