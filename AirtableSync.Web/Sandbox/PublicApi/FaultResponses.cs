using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AirtableSync.Sandbox.PublicApi;

// Returns the error type written, for the request log.
internal static class FaultResponses
{
    // What the request log records, known before anything is written.
    public static string? TypeOf(FakeFault fault) => fault.AbortConnection
        ? "CONNECTION_ABORTED"
        : fault.ErrorType ?? fault.StatusCode switch
        {
            500 => "SERVER_ERROR",
            503 => "RETRIABLE_ERROR",
            _ => null,
        };

    public static async Task<string?> WriteAsync(HttpContext context, FakeFault fault, CancellationToken cancellationToken)
    {
        if (fault.AbortConnection)
        {
            context.Abort();
            return "CONNECTION_ABORTED";
        }
        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        var type = TypeOf(fault);
        if (type is null)
        {
            // A 502 comes from Airtable's load balancer, not its API: the body is not JSON (docs/airtable/public-api.md §4.3).
            context.Response.StatusCode = fault.StatusCode;
            context.Response.ContentType = "text/html";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<html><body><h1>502 Bad Gateway</h1></body></html>"), cancellationToken);
            return null;
        }
        await PublicApiResponses.WriteErrorAsync(context, new PublicApiError(fault.StatusCode, type, null), cancellationToken);
        return type;
    }
}
