namespace AirtableSync.Revisions;

/// <summary>The revision endpoint kept throttling beyond the configured backoffs; the record is retried by a later sync.</summary>
public sealed class RevisionThrottledException : Exception
{
    public RevisionThrottledException() { }

    public RevisionThrottledException(string message) : base(message) { }

    public RevisionThrottledException(string message, Exception innerException) : base(message, innerException) { }
}
