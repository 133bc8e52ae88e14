using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AirtableSync.Sandbox.OAuth;

internal static class FakeOAuthEndpoints
{
    /// <summary>Lets tests find the consent request without scraping the page; browsers ignore it.</summary>
    public const string ConsentRequestHeader = "X-Fake-Consent-Request";

    public static IEndpointRouteBuilder MapFakeOAuth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/oauth2/v1/authorize", (HttpContext context, FakeAirtableState state) =>
        {
            var outcome = state.OAuth.Authorize(context.Request.Query);
            if (outcome.Redirect is { } redirect)
            {
                return Results.Redirect(redirect.AbsoluteUri);
            }
            if (outcome.ConsentRequestId is not { } consentId)
            {
                return Results.Content(FakeConsentPage.Error(outcome.PageError ?? "Invalid request."), "text/html", statusCode: 400);
            }
            context.Response.Headers[ConsentRequestHeader] = consentId;
            return Results.Content(FakeConsentPage.Render(consentId, outcome.ClientId ?? "", outcome.Scopes ?? []), "text/html");
        });

        // A plain form post, as the consent page sends it; tests post the same fields.
        app.MapPost("/oauth2/v1/authorize/decision", async (HttpContext context, FakeAirtableState state) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var userId = form["user_id"].ToString();
            var redirect = state.OAuth.Decide(form["consent_request"], form["decision"] == "approve", userId.Length == 0 ? null : userId);
            return redirect is null
                ? Results.Content(FakeConsentPage.Error("This consent request is unknown or was already answered."), "text/html", statusCode: 400)
                : Results.Redirect(redirect.AbsoluteUri);
        });

        app.MapPost("/oauth2/v1/token", async (HttpContext context, FakeAirtableState state) =>
        {
            if (!context.Request.HasFormContentType)
            {
                return Results.Json(new { error = "invalid_request", error_description = "Content-Type must be application/x-www-form-urlencoded." }, statusCode: 400);
            }
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var outcome = await state.OAuth.TokenAsync(form, context.Request.Headers.Authorization.Count == 1 ? context.Request.Headers.Authorization.ToString() : null);
            return Results.Json(outcome.Body, statusCode: outcome.Status);
        });
        return app;
    }
}

// Two forms, so that a browser can approve or deny without script.
internal static class FakeConsentPage
{
    public static string Render(string consentId, string clientId, IReadOnlyList<string> scopes) => $"""
        <!doctype html><html><head><title>Grant access — Fake Airtable</title></head><body>
        <h1>{WebUtility.HtmlEncode(clientId)} wants to access your bases</h1>
        <ul>{string.Concat(scopes.Select(s => $"<li>{WebUtility.HtmlEncode(s)}</li>"))}</ul>
        <form method="post" action="/oauth2/v1/authorize/decision">
          <input type="hidden" name="consent_request" value="{WebUtility.HtmlEncode(consentId)}">
          <button type="submit" name="decision" value="approve" id="approve">Grant access</button>
        </form>
        <form method="post" action="/oauth2/v1/authorize/decision">
          <input type="hidden" name="consent_request" value="{WebUtility.HtmlEncode(consentId)}">
          <button type="submit" name="decision" value="deny" id="deny">Cancel</button>
        </form>
        </body></html>
        """;

    public static string Error(string message) =>
        $"<!doctype html><html><head><title>Error — Fake Airtable</title></head><body><h1>Error</h1><p>{WebUtility.HtmlEncode(message)}</p></body></html>";
}
