namespace AirtableSync.Jobs;

/// <summary>Credentials were rejected or revoked: every later request would fail the same way.</summary>
public sealed class JobAuthenticationException : Exception, IFailFastException
{
    public JobAuthenticationException() : base("Authentication with Airtable failed.") { }

    public JobAuthenticationException(string message) : base(message) { }

    public JobAuthenticationException(string message, Exception innerException) : base(message, innerException) { }
}
