using AirtableSync.Airtable;
using AirtableSync.Connections;
using AirtableSync.Web.Components.Pages.Connect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AirtableSync.Web.Endpoints;

// OAuth 2.0 + PKCE (docs/airtable/public-api.md §1.2–1.3) as plain endpoints, not the ASP.NET Core OAuth sign-in handler:
// connecting Airtable must not replace the app's signed-in user (ADR-002).
public static class OAuthEndpoints
{
    public const string CallbackPath = "/connections/airtable/oauth/callback";

    // Binds a state to the browser that started the flow, so a callback link forged elsewhere cannot plant someone else's account.
    private const string BrowserBindingCookie = "airtable_oauth_state";

    public static IEndpointRouteBuilder MapAirtableOAuth(this IEndpointRouteBuilder app)
    {
        // Connecting Airtable is an admin's job; the fallback policy would let any analyst through.
        var group = app.MapGroup("/connections/airtable/oauth").RequireAuthorization(Auth.AppRoles.AdminPolicy);
        group.MapGet("/start", Start);
        group.MapGet("/callback", CallbackAsync);
        return app;
    }

    private static RedirectHttpResult Start(HttpContext context, OAuthStateStore states, IOptions<AirtableOAuthOptions> oauth, IOptions<AirtableOptions> airtable)
    {
        var settings = oauth.Value;
        if (settings.ClientId is not { Length: > 0 } clientId)
        {
            return ToProblemPage(OAuthProblem.NotConfigured);
        }
        var redirectUri = OAuthCallbackUrl.For(settings, context.Request);
        var pending = states.Issue(AdminKey(context), redirectUri);
        context.Response.Cookies.Append(BrowserBindingCookie, pending.State, new CookieOptions
        {
            HttpOnly = true,
            // Lax: the cookie must ride along on the top-level redirect back from airtable.com.
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = OAuthStateStore.Lifetime,
            Path = "/connections/airtable/oauth",
        });
        return TypedResults.Redirect(AirtableAuthorizeUrl.Build(airtable.Value.WebBaseUrl, clientId, settings.EffectiveScopes(), pending).AbsoluteUri);
    }

    private static async Task<RedirectHttpResult> CallbackAsync(
        HttpContext context, OAuthStateStore states, AirtableConnector connector, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var state = query["state"].ToString();
        var boundState = context.Request.Cookies[BrowserBindingCookie];
        context.Response.Cookies.Delete(BrowserBindingCookie, new CookieOptions { Path = "/connections/airtable/oauth" });
        var (check, pending) = states.Consume(state, AdminKey(context));

        var log = loggers.CreateLogger(typeof(OAuthEndpoints));
        // Airtable sends error/error_description back for every authorize failure except a wrong client_id or
        // redirect_uri, which end on Airtable's own page (docs/airtable/public-api.md §1.2). The description is logged,
        // not shown: a crafted link could carry any text, and the page's own words say what to do.
        if (query["error"].ToString() is { Length: > 0 } error)
        {
            log.LogWarning("Airtable ended the authorization with {Error}: {Description}",
                Shorten(error, 40), Shorten(query["error_description"].ToString(), 300));
            return ToProblemPage(OAuthProblem.ReasonForAirtableError(error), error);
        }
        if (check != StateCheck.Valid || pending is null || boundState != state)
        {
            return ToProblemPage(check switch
            {
                StateCheck.Expired => OAuthProblem.Expired,
                StateCheck.WrongAdmin => OAuthProblem.StartedByAnotherUser,
                StateCheck.Valid => OAuthProblem.StartedInAnotherBrowser,
                _ => OAuthProblem.UnknownState,
            });
        }
        if (query["code"].ToString() is not { Length: > 0 } code)
        {
            return ToProblemPage(OAuthProblem.NoCode);
        }
        try
        {
            await connector.CompleteOAuthAsync(code, pending, cancellationToken);
            return TypedResults.Redirect(QueryHelpers.AddQueryString("/connect", "connected", "oauth"));
        }
        catch (OAuthTokenEndpointException ex)
        {
            log.LogWarning("Airtable code exchange failed: {Status} {Error}", (int)ex.Status, ex.Error);
            return ToProblemPage(OAuthProblem.ExchangeRefused, ex.Error);
        }
        catch (AirtableAuthenticationException)
        {
            return ToProblemPage(OAuthProblem.TokenRefused);
        }
        catch (HttpRequestException ex)
        {
            log.LogWarning("Airtable could not be reached while completing OAuth: {Status}", ex.StatusCode);
            return ToProblemPage(OAuthProblem.Unreachable);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever else failed (storage, key ring), the admin gets a page that says so, not the error handler's.
            log.LogError(ex, "Completing the Airtable OAuth connection failed");
            return ToProblemPage(OAuthProblem.Failed);
        }
    }

    // The admin who started the flow must be the one who finishes it (the browser cookie binds it too).
    private static string AdminKey(HttpContext context) => context.User.Identity?.Name is { Length: > 0 } name ? name : "anonymous";

    private static RedirectHttpResult ToProblemPage(string reason, string? airtableError = null) =>
        TypedResults.Redirect(OAuthProblem.PathFor(reason, airtableError));

    // Log values from the query stay one short line whatever a crafted link carries.
    private static string Shorten(string value, int length)
    {
        var line = new string([.. value.Take(length).Select(c => char.IsControl(c) ? ' ' : c)]);
        return value.Length > length ? line + "…" : line;
    }
}
