namespace AirtableSync.Model;

public enum ConnectionKind { PersonalAccessToken, OAuth, WebSession }

public enum ConnectionStatus { Active, NeedsReauthorization, Expired }

public sealed record StoredConnection
{
    public required string Id { get; init; }
    public required ConnectionKind Kind { get; init; }
    public required ConnectionStatus Status { get; init; }

    /// <summary>Data-Protection-encrypted payload (token set or cookie jar); never clear text.</summary>
    public required string ProtectedSecret { get; init; }

    /// <summary>What may be shown again, e.g. the last four characters of a PAT.</summary>
    public required string? SecretHint { get; init; }

    public required string? AirtableUserId { get; init; }
    public required string? Email { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public required DateTimeOffset? SecretExpiresAt { get; init; }
    public required DateTimeOffset? ValidatedAt { get; init; }
    public required string? StatusMessage { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
