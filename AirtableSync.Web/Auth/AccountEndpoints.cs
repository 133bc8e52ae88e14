using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AirtableSync.Web.Auth;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST carrying an antiforgery token: a plain link could sign people out from another site.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(AccountPaths.Logout, async Task<IResult> (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.Problem("The sign-out form has expired: reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
            }
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect(AccountPaths.Login);
        }).RequireAuthorization().DisableAntiforgery();
        if (app.ServiceProvider.GetService<OpenIdConnectSignInOptions>() is not null)
        {
            app.MapGet("/account/sso", (string? returnUrl) => TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = Components.Pages.Account.LocalReturnUrl.Or(returnUrl) }, [OpenIdConnectSignIn.SchemeName]))
                .AllowAnonymous();
        }
        return app;
    }
}
