using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AirtableSync.Sandbox.PublicApi;

// api.airtable.com/v0 (docs/airtable/public-api.md §2–§4).
internal static class PublicApiEndpoints
{
    public static IEndpointRouteBuilder MapFakePublicApi(this IEndpointRouteBuilder app)
    {
        // One catch-all so that every /v0 request runs the same gauntlet in Airtable's order:
        // faults → URL length → route → auth → rate limit → billing → scope/base access → handler.
        // Literal routes other areas map under /v0 (e.g. webhooks) take precedence over a catch-all.
        app.Map("/v0/{**rest}", PublicApiPipeline.HandleAsync);
        app.MapFallback(context =>
            PublicApiResponses.WriteErrorAsync(context, PublicApiError.NotFoundBare(), context.RequestAborted));
        return app;
    }
}
