using System.Collections.Concurrent;

namespace AirtableSync.Sandbox;

public enum FakeTokenKind { PersonalAccessToken, OAuthAccess }

public sealed record FakeAccessToken(string Token, FakeTokenKind Kind, string UserId, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt);

/// <summary>
/// Bearer tokens the fake's public API accepts. The OAuth server issues and revokes access tokens here;
/// personal access tokens are registered directly (the sandbox registers one and shows it on its page).
/// </summary>
public sealed class FakeAccessTokens(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, FakeAccessToken> _tokens = new(StringComparer.Ordinal);

    public void Add(FakeAccessToken token) => _tokens[token.Token] = token;

    public bool Revoke(string token) => _tokens.TryRemove(token, out _);

    /// <summary>Returns the token when it exists and has not expired.</summary>
    public FakeAccessToken? Find(string token)
    {
        if (!_tokens.TryGetValue(token, out var found))
        {
            return null;
        }
        return found.ExpiresAt is { } expiresAt && expiresAt <= timeProvider.GetUtcNow() ? null : found;
    }
}
