using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AirtableSync.Web.Security;

// The REST API's tighter limit, and 413 for any body declared too large before anyone reads it: otherwise the first reader
// decides what Kestrel's exception becomes (antiforgery answers 400). Chunked bodies, with no declared length, meet
// Kestrel's limit as they are read.
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
            // API callers get problem details like every other API refusal; the status-code pages run after this.
            if (context.Request.Path.StartsWithSegments("/api") && context.RequestServices.GetService<IProblemDetailsService>() is { } problems)
            {
                return problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = "Request body too large", Detail = $"The body may be at most {limit} bytes." },
                }).AsTask();
            }
            return Task.CompletedTask;
        }
        return next(context);
    }
}
