namespace AirtableSync.Revisions;

/// <summary>The revision endpoint answered with something other than the §3.1 success envelope.</summary>
public sealed class RevisionPayloadException : Exception
{
    public RevisionPayloadException()
    {
    }

    public RevisionPayloadException(string message) : base(message)
    {
    }

    public RevisionPayloadException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
