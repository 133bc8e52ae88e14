using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AirtableSync.Sandbox.PublicApi;

// Utf8JsonWriter: fast enough for 100-record pages of wide tables.
internal static class PublicApiResponses
{
    public static async Task WriteJsonAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }

    public static Task WriteErrorAsync(HttpContext context, PublicApiError error, CancellationToken cancellationToken) =>
        WriteJsonAsync(context, error.StatusCode, w =>
        {
            w.WriteStartObject();
            if (error.Bare)
            {
                w.WriteString("error", error.Type);
            }
            else
            {
                w.WriteStartObject("error");
                w.WriteString("type", error.Type);
                if (error.ErrorMessage is not null)
                {
                    w.WriteString("message", error.ErrorMessage);
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }, cancellationToken);
}
