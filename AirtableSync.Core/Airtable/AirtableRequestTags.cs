using Polly;

namespace AirtableSync.Airtable;

// What the pipeline needs to know about a request: which base and token it counts against, and what Airtable said.
internal static class AirtableRequestTags
{
    public static readonly HttpRequestOptionsKey<string> BaseId = new("Airtable.BaseId");
    public static readonly HttpRequestOptionsKey<string> RateLimitKey = new("Airtable.RateLimitKey");

    // The error type of the latest attempt's 429, read once by the gate and used by the retry predicates.
    public static readonly ResiliencePropertyKey<string> LastErrorType = new("Airtable.LastErrorType");
}
