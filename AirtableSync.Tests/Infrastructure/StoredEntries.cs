namespace AirtableSync.Tests.Infrastructure;

// Store rows that tests seed, with every field a test does not care about at its plain value, so that each test
// names only what its assertion depends on.
internal static class StoredEntries
{
    public static JobEntry Job(string id, JobKind kind, JobStatus status, DateTimeOffset createdAt, DateTimeOffset? startedAt = null,
        string parametersJson = "{}") => new()
    {
        Id = id,
        Kind = kind,
        Status = status,
        ParametersJson = parametersJson,
        Progress = JobProgress.NotStarted,
        CreatedAt = createdAt,
        StartedAt = startedAt,
        FinishedAt = null,
        Error = null,
        Failures = [],
    };

    // Ada's personal access token, as the connect flow stores it (the secret is a placeholder, never decrypted here).
    public static StoredConnection AdasToken(ConnectionStatus status, DateTimeOffset at, string? message = null) => new()
    {
        Id = "pat-usrAda",
        Kind = ConnectionKind.PersonalAccessToken,
        Status = status,
        ProtectedSecret = "protected",
        SecretHint = "ab12",
        AirtableUserId = "usrAda",
        Email = "ada@example.com",
        Scopes = [],
        SecretExpiresAt = null,
        ValidatedAt = at,
        StatusMessage = message,
        CreatedAt = at,
        UpdatedAt = at,
    };

    // Ada's captured browser session, as the login wizard stores it; checked last at validatedAt.
    public static StoredConnection AdasWebSession(ConnectionStatus status, DateTimeOffset validatedAt, string? message = null) => new()
    {
        Id = "airtable-web",
        Kind = ConnectionKind.WebSession,
        Status = status,
        ProtectedSecret = "protected",
        SecretHint = null,
        AirtableUserId = "usrAda",
        Email = "ada@example.com",
        Scopes = [],
        SecretExpiresAt = null,
        ValidatedAt = validatedAt,
        StatusMessage = message,
        CreatedAt = validatedAt,
        UpdatedAt = validatedAt,
    };
}
