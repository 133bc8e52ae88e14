using System.Security.Cryptography;
using System.Text;
using AirtableSync.Storage;

namespace AirtableSync.Web.Auth;

// Key is shown once and exists nowhere else.
public sealed record CreatedApiKey(StoredApiKey Stored, string Key);

// Only the SHA-256 is stored: keys are 32 random bytes, so a fast hash is enough and a request is checked with one indexed
// lookup. No cache: a revoked key fails on its very next request.
public sealed class ApiKeys(IAccountStore store, TimeProvider clock)
{
    public const string KeyPrefix = "ats_";

    // Written at most this often per key, so a busy client does not turn every GET into a write.
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public async Task<CreatedApiKey> CreateAsync(string name, ApiKeyScope scope, string createdBy, CancellationToken cancellationToken)
    {
        var key = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var stored = new StoredApiKey(Guid.NewGuid().ToString("N"), name.Trim(), key[..(KeyPrefix.Length + 6)], Hash(key), scope, createdBy,
            clock.GetUtcNow(), null, null);
        await store.SaveApiKeyAsync(stored, cancellationToken);
        return new(stored, key);
    }

    public Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken) => store.ListApiKeysAsync(cancellationToken);

    public Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken) => store.RevokeApiKeyAsync(keyId, clock.GetUtcNow(), cancellationToken);

    public async Task<StoredApiKey?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!presented.StartsWith(KeyPrefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return null;
        }
        var hash = Hash(presented);
        var key = await store.FindApiKeyByHashAsync(hash, cancellationToken);
        // The lookup is by hash, which leaks nothing about the key; the final comparison is constant-time anyway.
        if (key is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.KeyHash), Encoding.ASCII.GetBytes(hash)))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (key.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            await store.MarkApiKeyUsedAsync(key.Id, now, cancellationToken);
        }
        return key;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
