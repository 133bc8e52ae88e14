using Microsoft.AspNetCore.Http;

namespace AirtableSync.Sandbox;

// Stamped before any simulated latency: rate limits count this instant.
internal static class FakeArrival
{
    private static readonly object Key = new();

    public static void Stamp(HttpContext context, DateTimeOffset at) => context.Items[Key] = at;

    public static DateTimeOffset Of(HttpContext context, TimeProvider fallback) =>
        context.Items.TryGetValue(Key, out var value) && value is DateTimeOffset at ? at : fallback.GetUtcNow();
}
