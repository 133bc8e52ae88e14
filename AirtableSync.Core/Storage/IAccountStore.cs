namespace AirtableSync.Storage;

/// <summary>Local accounts and API keys: password hashes and API-key hashes only, never a clear-text secret.</summary>
public interface IAccountStore
{
    /// <summary>Adds a user; a taken normalized name answers NameTaken. With <paramref name="onlyIfNoUsers"/>, answers NotFirstUser once any user exists (first-run setup).</summary>
    Task<UserCreation> CreateUserAsync(AppUser user, bool onlyIfNoUsers, CancellationToken cancellationToken = default);
    Task<bool> AnyUsersAsync(CancellationToken cancellationToken = default);
    Task<AppUser?> GetUserAsync(string userId, CancellationToken cancellationToken = default);
    Task<AppUser?> FindUserByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default);
    /// <summary>Users by user name.</summary>
    Task<IReadOnlyList<AppUser>> ListUsersAsync(CancellationToken cancellationToken = default);
    /// <summary>Replaces a user's mutable state (role, hash, counters, disabled). Throws <see cref="KeyNotFoundException"/> for an unknown id.</summary>
    Task SaveUserAsync(AppUser user, CancellationToken cancellationToken = default);
    /// <summary>Atomically counts a bad password; reaching <paramref name="maxFailures"/> locks the user until <paramref name="lockUntil"/> and restarts the count. Returns the updated user.</summary>
    Task<AppUser?> RecordFailedSignInAsync(string userId, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken = default);
    /// <summary>A good sign-in: clears the failure count and lockout, sets the last sign-in time.</summary>
    Task RecordSignInAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken = default);
    /// <summary>A person's display choices by the key of their sign-in; null until they choose something.</summary>
    Task<UserPreferences?> GetUserPreferencesAsync(string userKey, CancellationToken cancellationToken = default);
    /// <summary>Replaces a person's display choices as a whole.</summary>
    Task SaveUserPreferencesAsync(string userKey, UserPreferences preferences, DateTimeOffset updatedAt, CancellationToken cancellationToken = default);
    /// <summary>A person's arrangement of one table's grid; null until they change it (or after they reset it).</summary>
    Task<GridLayout?> GetGridLayoutAsync(string userKey, string baseId, string tableId, CancellationToken cancellationToken = default);
    /// <summary>Replaces a person's arrangement of one table's grid; null forgets it, so the grid shows its defaults again.</summary>
    Task SaveGridLayoutAsync(string userKey, string baseId, string tableId, GridLayout? layout, DateTimeOffset updatedAt, CancellationToken cancellationToken = default);
    Task SaveApiKeyAsync(StoredApiKey key, CancellationToken cancellationToken = default);
    /// <summary>The key with this SHA-256 hash, unless revoked.</summary>
    Task<StoredApiKey?> FindApiKeyByHashAsync(string keyHash, CancellationToken cancellationToken = default);
    /// <summary>All keys, revoked ones included, newest first.</summary>
    Task<IReadOnlyList<StoredApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default);
    /// <summary>Returns false when the key is unknown or already revoked.</summary>
    Task<bool> RevokeApiKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default);
    Task MarkApiKeyUsedAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
