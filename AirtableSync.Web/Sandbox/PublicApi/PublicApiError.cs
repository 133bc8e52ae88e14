namespace AirtableSync.Sandbox.PublicApi;

// Airtable uses two body shapes (docs/airtable/public-api.md §4.3) and so does the fake: {"error":{"type":…,"message":…}}
// almost everywhere, bare {"error":"NOT_FOUND"} for unknown routes and unknown records.
internal sealed class PublicApiError(int statusCode, string type, string? message, bool bare = false) : Exception(message ?? type)
{
    public int StatusCode { get; } = statusCode;
    public string Type { get; } = type;
    public string? ErrorMessage { get; } = message;
    public bool Bare { get; } = bare;

    public static PublicApiError NotFoundBare() => new(404, "NOT_FOUND", null, bare: true);

    public static PublicApiError AuthenticationRequired(string message) => new(401, "AUTHENTICATION_REQUIRED", message);

    public static PublicApiError NoPermission() => new(
        403,
        "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND",
        "Invalid permissions, or the requested model was not found. Check that both your user and your token have the required permissions, and that the model names and/or ids are correct.");

    // The generic 422 parameter error (docs/airtable/public-api.md §4.3).
    public static PublicApiError InvalidRequest(string message) => new(422, "INVALID_REQUEST_UNKNOWN", message);

    public static PublicApiError UnknownField(string name) => new(422, "UNKNOWN_FIELD_NAME", $"Unknown field name: \"{name}\"");

    public static PublicApiError InvalidFilter(string message) =>
        new(422, "INVALID_FILTER_BY_FORMULA", "The formula for filtering records is invalid: " + message);

    // No message, exactly as the docs show it (docs/airtable/public-api.md §3.3).
    public static PublicApiError IteratorNotAvailable() => new(422, "LIST_RECORDS_ITERATOR_NOT_AVAILABLE", null);

    public static PublicApiError RateLimited() => new(429, "RATE_LIMIT_REACHED", "Rate limit exceeded. Please try again later");

    public static PublicApiError BillingLimit() => new(
        429,
        "PUBLIC_API_BILLING_LIMIT_EXCEEDED",
        "API billing plan limit exceeded. Upgrade your plan or wait until the limit resets.");
}
