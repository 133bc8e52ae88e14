using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace AirtableSync.Sandbox.WebLogin;

/// <summary>
/// The fake's "Press &amp; Hold" bot check (docs/airtable/revision-history.md §6: PerimeterX, cookies _px2/_px3). A browser that held
/// the button long enough gets a long-lived _px3 cookie; a persistent profile keeps it, so that browser is not
/// challenged again — the trust a reused profile builds on airtable.com.
/// </summary>
public sealed class FakeBotChallenge(FakeAirtableOptions options)
{
    public const string TrustCookieName = "_px3";
    private readonly ConcurrentDictionary<string, bool> _trusted = new(StringComparer.Ordinal);
    private int _passed;
    private int _failed;

    public int Passed => Volatile.Read(ref _passed);

    /// <summary>Presses released before the hold time, as reported by the page.</summary>
    public int Failed => Volatile.Read(ref _failed);

    // The option means "challenge untrusted browsers": one that already passed is let through.
    public bool Challenges(HttpRequest request) =>
        options.WebLoginChallenge && !(request.Cookies.TryGetValue(TrustCookieName, out var token) && _trusted.ContainsKey(token));

    // A long enough press marks the browser trusted through its response's cookie.
    public bool Judge(HttpResponse response, int heldMs)
    {
        if (heldMs < options.WebLoginChallengeHoldMs)
        {
            Interlocked.Increment(ref _failed);
            return false;
        }
        var token = FakeWebSessions.RandomId(32);
        _trusted[token] = true;
        Interlocked.Increment(ref _passed);
        response.Cookies.Append(TrustCookieName, token, new CookieOptions { Path = "/", HttpOnly = true, MaxAge = TimeSpan.FromDays(365) });
        return true;
    }
}
