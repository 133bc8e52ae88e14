namespace AirtableSync.Model;

public enum AppRole { Admin, Analyst }

public enum ApiKeyScope { Admin, ReadOnly }

/// <summary>What <see cref="Storage.IAccountStore.CreateUserAsync"/> did.</summary>
public enum UserCreation { Created, NameTaken, NotFirstUser }

/// <summary>A local account. <paramref name="PasswordHash"/> is ASP.NET Core Identity's hash format, never a password.</summary>
/// <param name="NormalizedUserName">The unique lookup key (upper-case invariant of the user name or e-mail).</param>
/// <param name="LockedUntil">Sign-in is refused until then, even with the right password.</param>
public sealed record AppUser(
    string Id,
    string UserName,
    string NormalizedUserName,
    string DisplayName,
    AppRole Role,
    string PasswordHash,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    bool Disabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt);

/// <summary>An API key created in the UI. Only the SHA-256 of the key is kept; <paramref name="Prefix"/> is what lists may show.</summary>
public sealed record StoredApiKey(
    string Id,
    string Name,
    string Prefix,
    string KeyHash,
    ApiKeyScope Scope,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);
