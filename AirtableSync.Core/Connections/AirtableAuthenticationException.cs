namespace AirtableSync.Connections;

/// <summary>
/// No usable Airtable credential: none connected, or the connection needs the admin to re-authorize. Jobs treat
/// it as fail-fast — retrying cannot help until a person reconnects.
/// </summary>
public sealed class AirtableAuthenticationException(string message, string? connectionId = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string? ConnectionId { get; } = connectionId;
}
