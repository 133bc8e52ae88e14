using System.Collections.Concurrent;

namespace AirtableSync.Connections;

// An authorize request we issued: the verifier never leaves the server, only its hash does.
public sealed record PendingAuthorization(string State, string CodeVerifier, string AdminKey, Uri RedirectUri, DateTimeOffset IssuedAt)
{
    public override string ToString() => $"PendingAuthorization(admin={AdminKey}, issued={IssuedAt:O})";
}

public enum StateCheck { Valid, Unknown, Expired, WrongAdmin }

// Single-use OAuth states, each bound to the admin who started the flow and holding the PKCE verifier.
// Kept in memory, as Airtable's example keeps its cache (docs/airtable/public-api.md §1.2): fine for one instance, and a
// restart merely makes an admin click "Connect" again. Several instances behind a load balancer would need
// sticky sessions or a shared store (e.g. the checkpoint table) instead.
public sealed class OAuthStateStore(TimeProvider timeProvider)
{
    // Airtable suggests 10–15 minutes; the code itself is only valid 10 minutes (docs/airtable/public-api.md §1.3).
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, PendingAuthorization> _pending = new(StringComparer.Ordinal);

    public PendingAuthorization Issue(string adminKey, Uri redirectUri)
    {
        RemoveExpired();
        // 64 bytes → 86 characters: inside Airtable's 16–1024 range and charset.
        var pending = new PendingAuthorization(OAuthRandom.Create(64), Pkce.CreateVerifier(), adminKey, redirectUri, timeProvider.GetUtcNow());
        _pending[pending.State] = pending;
        return pending;
    }

    // Removes the state whatever the outcome, so that a state is never accepted twice.
    public (StateCheck Check, PendingAuthorization? Pending) Consume(string? state, string adminKey)
    {
        if (string.IsNullOrEmpty(state) || !_pending.TryRemove(state, out var pending))
        {
            return (StateCheck.Unknown, null);
        }
        if (timeProvider.GetUtcNow() - pending.IssuedAt > Lifetime)
        {
            return (StateCheck.Expired, null);
        }
        return pending.AdminKey == adminKey ? (StateCheck.Valid, pending) : (StateCheck.WrongAdmin, null);
    }

    private void RemoveExpired()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (state, pending) in _pending)
        {
            // Expired entries stay a little longer so that a late callback reads "expired", not "unknown".
            if (now - pending.IssuedAt > Lifetime * 2)
            {
                _pending.TryRemove(state, out _);
            }
        }
    }
}
