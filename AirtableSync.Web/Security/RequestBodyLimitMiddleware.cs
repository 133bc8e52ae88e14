using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AirtableSync.Web.Security;

/// <summary>
/// The REST API's tighter body limit, and a 413 for any body declared larger than its limit before anyone reads it:
/// otherwise the first reader decides what Kestrel's exception becomes (antiforgery answers 400). Chunked bodies, with
/// no declared length, meet Kestrel's limit as they are read.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.Request.Path.StartsWithSegments("/api") ? options.Value.MaxApiRequestBodyBytes : options.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
