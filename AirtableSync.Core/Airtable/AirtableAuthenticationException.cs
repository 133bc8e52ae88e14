using System.Net;

namespace AirtableSync.Airtable;

/// <summary>The token was refused (401) even after one refresh, or no usable token exists. Fail fast: the connection needs re-authorising.</summary>
public sealed class AirtableAuthenticationException : AirtableApiException
{
    public AirtableAuthenticationException(string message, string endpoint, string? errorType = null, string? airtableMessage = null)
        : base(message, endpoint, HttpStatusCode.Unauthorized, errorType, airtableMessage)
    {
    }

    public AirtableAuthenticationException()
        : this("Airtable refused the access token.", "")
    {
    }

    public AirtableAuthenticationException(string message)
        : this(message, "")
    {
    }

    public AirtableAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override bool IsAuthenticationFailure => true;
}
