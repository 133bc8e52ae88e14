using System.Buffers.Text;
using System.Security.Cryptography;

namespace AirtableSync.Sandbox.OAuth;

/// <summary>
/// The fake's OAuth 2.0 authorization server (docs/airtable/public-api.md §1.2–1.3): registered clients, consent requests,
/// codes, rotating token pairs. Access tokens it issues are registered in <see cref="FakeAccessTokens"/>, where
/// the fake public API looks bearer tokens up. One lock guards everything: the fake favours obvious correctness.
/// </summary>
public sealed partial class FakeOAuthAuthority
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeOAuthClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeConsentRequest> _consents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeAuthorizationCode> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeRefreshGrant> _grants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeRotatedRefreshToken> _rotated = new(StringComparer.Ordinal);
    private readonly List<FakeTokenRequest> _requests = [];
    private readonly FakeAccessTokens _tokens;
    private readonly TimeProvider _timeProvider;

    public FakeOAuthAuthority(FakeOAuthOptions options, FakeAccessTokens tokens, TimeProvider timeProvider)
    {
        Options = options;
        _tokens = tokens;
        _timeProvider = timeProvider;
        RegisterClient(new FakeOAuthClient(FakeOAuthOptions.PublicClientId, null, options.SandboxRedirectUris, options.SandboxScopes));
        RegisterClient(new FakeOAuthClient(
            FakeOAuthOptions.ConfidentialClientId, FakeOAuthOptions.ConfidentialClientSecret, options.SandboxRedirectUris, options.SandboxScopes));
    }

    public FakeOAuthOptions Options { get; }

    /// <summary>Test hook: runs just before the token endpoint answers 409, e.g. to let "the other instance" store its tokens.</summary>
    public Func<Task>? BeforeConflictResponse { get; set; }

    public void RegisterClient(FakeOAuthClient client)
    {
        lock (_lock)
        {
            _clients[client.ClientId] = client;
        }
    }

    /// <summary>Every token-endpoint call so far, oldest first.</summary>
    public IReadOnlyList<FakeTokenRequest> TokenRequests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Successful refreshes so far.</summary>
    public int RefreshCount => TokenRequests.Count(r => r.GrantType == "refresh_token" && r.Status == 200);

    /// <summary>Revokes every grant of a user, as removing the integration in Airtable would: refreshes then fail with invalid_grant.</summary>
    public void RevokeGrantsOf(string userId)
    {
        lock (_lock)
        {
            foreach (var grant in _grants.Values.Where(g => g.UserId == userId).ToList())
            {
                _grants.Remove(grant.RefreshToken);
                _tokens.Revoke(grant.AccessToken);
            }
        }
    }

    private static string NewSecret(string prefix) => prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private FakeOAuthClient? FindClient(string? clientId)
    {
        lock (_lock)
        {
            return clientId is not null && _clients.TryGetValue(clientId, out var client) ? client : null;
        }
    }
}
