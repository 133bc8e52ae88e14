namespace AirtableSync.Connections;

// What the UI may show about a connection: never the secret, at most its last four characters.
public sealed record ConnectionSummary(
    string Id,
    ConnectionKind Kind,
    ConnectionStatus Status,
    string? SecretHint,
    string? AirtableUserId,
    string? Email,
    IReadOnlyList<string> Scopes,
    string? StatusMessage,
    DateTimeOffset? ValidatedAt)
{
    public static ConnectionSummary From(StoredConnection c) =>
        new(c.Id, c.Kind, c.Status, c.SecretHint, c.AirtableUserId, c.Email, c.Scopes, c.StatusMessage, c.ValidatedAt);
}
