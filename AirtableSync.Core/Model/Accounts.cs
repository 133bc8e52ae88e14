namespace AirtableSync.Model;

public enum AppRole { Admin, Analyst }

public enum ApiKeyScope { Admin, ReadOnly }

/// <summary>What <see cref="Storage.IAccountStore.CreateUserAsync"/> did.</summary>
public enum UserCreation { Created, NameTaken, NotFirstUser }

/// <summary>A local account. <see cref="PasswordHash"/> is ASP.NET Core Identity's hash format, never a password.</summary>
public sealed record AppUser
{
    public required string Id { get; init; }
    public required string UserName { get; init; }

    /// <summary>The unique lookup key (upper-case invariant of the user name or e-mail).</summary>
    public required string NormalizedUserName { get; init; }

    public required string DisplayName { get; init; }
    public required AppRole Role { get; init; }
    public required string PasswordHash { get; init; }
    public required int FailedSignIns { get; init; }

    /// <summary>Sign-in is refused until then, even with the right password.</summary>
    public required DateTimeOffset? LockedUntil { get; init; }

    public required bool Disabled { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset? LastSignInAt { get; init; }
}

/// <summary>
/// How one person wants the app to look. Kept in the store per person, not in the browser, so it follows them across
/// pages, reloads, browsers and sign-ins.
/// </summary>
public sealed record UserPreferences(bool DarkMode)
{
    public static UserPreferences Default { get; } = new(DarkMode: false);
}

/// <summary>
/// One person's arrangement of one table's grid, by field id (ids survive renames). <paramref name="Order"/> is the order
/// they chose; fields it does not name (added to the table since) follow in the default order, shown.
/// <paramref name="Hidden"/> are the fields they hid.
/// </summary>
public sealed record GridLayout(IReadOnlyList<string> Order, IReadOnlyList<string> Hidden);

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
