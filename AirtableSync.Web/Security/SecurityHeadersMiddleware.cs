using Microsoft.Extensions.Options;

namespace AirtableSync.Web.Security;

// Written when the response starts, so that the exception handler (which clears headers) and status-code
// re-execution cannot drop them.
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy.Build(context.GetCspNonce(), options.Value.FormActionOrigins);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = options.Value.ReferrerPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
