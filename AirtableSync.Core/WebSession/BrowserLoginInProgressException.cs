namespace AirtableSync.WebSession;

/// <summary>A second login was started while one runs on the same connection (its profile can only be open once, §6).</summary>
public sealed class BrowserLoginInProgressException : Exception
{
    public BrowserLoginInProgressException() : base("A browser login is already running for this connection.") { }

    public BrowserLoginInProgressException(string message) : base(message) { }

    public BrowserLoginInProgressException(string message, Exception innerException) : base(message, innerException) { }

    public string? RunningLoginId { get; init; }
}
