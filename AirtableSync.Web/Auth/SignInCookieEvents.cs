using System.Security.Claims;
using AirtableSync.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AirtableSync.Web.Auth;

// API and Blazor infrastructure calls get status codes, never a redirect to an HTML page; a local account's cookie
// dies with the account (disabled or gone) and follows its role, re-read on each request.
internal sealed class SignInCookieEvents : CookieAuthenticationEvents
{
    public SignInCookieEvents()
    {
        OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
        OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.HasClaim(AppRoles.LocalAccountClaim, "true") != true || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return;
        }
        var store = context.HttpContext.RequestServices.GetRequiredService<IAccountStore>();
        var user = await store.GetUserAsync(id, context.HttpContext.RequestAborted);
        if (user is null || user.Disabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        else if (!principal.IsInRole(user.Role.ToString()))
        {
            context.ReplacePrincipal(AppRoles.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            context.ShouldRenew = true;
        }
    }

    private static Task StatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi")
            || context.Request.Path.StartsWithSegments("/_blazor"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
