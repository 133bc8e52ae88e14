namespace AirtableSync.Model;

public enum ConnectionKind { PersonalAccessToken, OAuth, WebSession }

public enum ConnectionStatus { Active, NeedsReauthorization, Expired }

/// <param name="ProtectedSecret">Data-Protection-encrypted payload (token set or cookie jar); never clear text.</param>
/// <param name="SecretHint">What may be shown again, e.g. the last four characters of a PAT.</param>
public sealed record StoredConnection(
    string Id,
    ConnectionKind Kind,
    ConnectionStatus Status,
    string ProtectedSecret,
    string? SecretHint,
    string? AirtableUserId,
    string? Email,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? SecretExpiresAt,
    DateTimeOffset? ValidatedAt,
    string? StatusMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
