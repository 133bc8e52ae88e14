using Microsoft.AspNetCore.Builder;
using AirtableSync.Sandbox.WebLogin;
using AirtableSync.Sandbox.OAuth;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Sandbox.Revisions;
using Microsoft.AspNetCore.Routing;

namespace AirtableSync.Sandbox;

internal static class FakeAirtableEndpoints
{
    public static IEndpointRouteBuilder MapFakeAirtableEndpoints(this IEndpointRouteBuilder app)
    {
        // Each area adds its own line here: public API (/v0/...), OAuth (/oauth2/v1/...),
        // web login (/login, /2fa/..., /auth/...), internal revision endpoint (/v0.3/...).
        app.MapFakeOAuth();
        app.MapFakePublicApi();
        app.MapFakeWebLogin();
        app.MapFakeRevisions();
        return app;
    }
}
