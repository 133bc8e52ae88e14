using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Sandbox.WebLogin;

// airtable.com's login flow per docs/airtable/revision-history.md §5.1–§5.5: /login (email → Continue → password → Sign in),
// optional e-mail code, /2fa/{strategyId}, then / with window.initData.sessionUserId; plus GET /v0.3/getUserProperties, the
// validity probe of §5.7.
internal static class FakeWebLoginEndpoints
{
    public static IEndpointRouteBuilder MapFakeWebLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", context => Flow(context).ShowLoginAsync());
        app.MapPost("/login", context => Flow(context).SubmitEmailAsync());
        app.MapPost("/challenge", context => Flow(context).SubmitChallengeAsync());
        app.MapPost("/auth/login", context => Flow(context).SubmitPasswordAsync());
        app.MapGet("/login/verify", context => Flow(context).ShowEmailCodeAsync());
        app.MapPost("/login/verify", context => Flow(context).SubmitEmailCodeAsync());
        app.MapGet("/2fa/{strategyId}", context => Flow(context).ShowMfaAsync());
        app.MapPost("/2fa/{strategyId}", context => Flow(context).SubmitMfaAsync());
        app.MapGet("/", HomeAsync);
        app.MapGet("/v0.3/getUserProperties", UserPropertiesAsync);
        return app;
    }

    private static FakeWebLoginFlow Flow(HttpContext context) =>
        new(context, context.RequestServices.GetRequiredService<FakeAirtableState>());

    private static Task HomeAsync(HttpContext context)
    {
        var state = context.RequestServices.GetRequiredService<FakeAirtableState>();
        var user = state.WebSessions.FindValidSession(context.Request) is { UserId: { } id } ? state.Users.FindById(id) : null;
        if (user is null)
        {
            // Page-style requests without a session bounce to the login page (§5.7 probe 2).
            context.Response.Redirect("/login?continue=%2F");
            return Task.CompletedTask;
        }
        return FakeWebLoginFlow.HtmlAsync(context, FakeLoginPages.Home(user));
    }

    private static Task UserPropertiesAsync(HttpContext context)
    {
        var state = context.RequestServices.GetRequiredService<FakeAirtableState>();
        if (state.WebSessions.FindValidSession(context.Request) is null)
        {
            return Results.Json(new { error = new { type = "AUTHENTICATION_REQUIRED", message = "You must be logged in" } }, statusCode: 401)
                .ExecuteAsync(context);
        }
        // §5.7: an authenticated answer is a few feature-flag booleans and no user id.
        return Results.Json(new { msg = "SUCCESS", data = new { hasSeenOnboarding = true, isDarkModeEnabled = false, prefersReducedMotion = false } })
            .ExecuteAsync(context);
    }
}
