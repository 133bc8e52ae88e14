using AirtableSync.Airtable;
using AirtableSync.Connections;
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
            return ToConnectPage("error", "OAuth is not configured: set Airtable:OAuth:ClientId, or connect with a personal access token.");
        }
        var redirectUri = settings.RedirectUri ?? new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{CallbackPath}");
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

        if (query["error"].ToString() is { Length: > 0 } error)
        {
            return ToConnectPage("error", error == "access_denied"
                ? "Airtable access was not granted: the request was cancelled, or your Airtable account (or its enterprise) does not allow this integration."
                : $"Airtable refused the authorization ({error}): {query["error_description"]}");
        }
        if (check != StateCheck.Valid || pending is null || boundState != state)
        {
            return ToConnectPage("error", check switch
            {
                StateCheck.Expired => "The Airtable authorization took longer than 10 minutes. Please start again.",
                StateCheck.WrongAdmin => "This Airtable authorization was started by another user. Please start again.",
                StateCheck.Valid => "This Airtable authorization was started in another browser. Please start again.",
                _ => "This Airtable authorization is unknown or was already used. Please start again.",
            });
        }
        if (query["code"].ToString() is not { Length: > 0 } code)
        {
            return ToConnectPage("error", "Airtable's answer carried no authorization code. Please start again.");
        }
        try
        {
            await connector.CompleteOAuthAsync(code, pending, cancellationToken);
            return ToConnectPage("connected", "oauth");
        }
        catch (OAuthTokenEndpointException ex)
        {
            loggers.CreateLogger(typeof(OAuthEndpoints)).LogWarning("Airtable code exchange failed: {Status} {Error}", (int)ex.Status, ex.Error);
            return ToConnectPage("error", $"Airtable did not accept the authorization ({ex.Error}{(ex.Description is null ? "" : ": " + ex.Description)}). Please start again.");
        }
        catch (AirtableAuthenticationException ex)
        {
            return ToConnectPage("error", ex.Message);
        }
        catch (HttpRequestException ex)
        {
            loggers.CreateLogger(typeof(OAuthEndpoints)).LogWarning("Airtable could not be reached while completing OAuth: {Status}", ex.StatusCode);
            return ToConnectPage("error", "Airtable could not be reached to complete the connection. Please start again in a moment.");
        }
    }

    // The admin who started the flow must be the one who finishes it (the browser cookie binds it too).
    private static string AdminKey(HttpContext context) => context.User.Identity?.Name is { Length: > 0 } name ? name : "anonymous";

    private static RedirectHttpResult ToConnectPage(string key, string value) =>
        TypedResults.Redirect(QueryHelpers.AddQueryString("/connect", key, value));
}
