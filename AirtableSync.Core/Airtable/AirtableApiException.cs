using System.Net;

namespace AirtableSync.Airtable;

/// <summary>
/// A call to Airtable's public API failed in a way the client does not retry (any more). Carries Airtable's
/// own error type and message (docs/airtable/public-api.md §4.3) so callers can tell "fix the configuration" from "try later".
/// </summary>
public class AirtableApiException : Exception
{
    public AirtableApiException(string message, string endpoint, HttpStatusCode? statusCode = null, string? errorType = null, string? airtableMessage = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Endpoint = endpoint;
        StatusCode = statusCode;
        ErrorType = errorType;
        AirtableMessage = airtableMessage;
    }

    public AirtableApiException()
        : this("Airtable API call failed.", "")
    {
    }

    public AirtableApiException(string message)
        : this(message, "")
    {
    }

    public AirtableApiException(string message, Exception innerException)
        : this(message, "", innerException: innerException)
    {
    }

    /// <summary>Method and path, e.g. "GET /v0/appX/tblY" (never the query: formulas can be long and private).</summary>
    public string Endpoint { get; }

    /// <summary>Null when no HTTP answer was received or it could not be read.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Airtable's <c>error.type</c> (or the bare <c>error</c> string), e.g. NOT_FOUND.</summary>
    public string? ErrorType { get; }

    /// <summary>Airtable's <c>error.message</c>; often absent.</summary>
    public string? AirtableMessage { get; }

    /// <summary>True when the token is missing, invalid or revoked: stop and ask the user to reconnect.</summary>
    public virtual bool IsAuthenticationFailure => false;

    /// <summary>True when retrying later may succeed (rate limit or outage outlasted the client's retries).</summary>
    public bool IsTransient => StatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError
        && this is not AirtableBillingLimitException;

    internal static string Describe(string endpoint, HttpStatusCode status, AirtableError error) =>
        $"Airtable answered {(int)status} {error.Type ?? status.ToString()} to {endpoint}"
        + (error.Message is { Length: > 0 } m ? $": {m}" : ".");
}
