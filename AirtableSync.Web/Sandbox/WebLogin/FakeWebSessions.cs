using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AirtableSync.Sandbox.WebLogin;

/// <summary>
/// The fake's web sessions: session id → who is signed in, mid-login, or expired. The session cookie is
/// base64 JSON signed by a ".sig" cookie, cookie-session style (docs/airtable/revision-history.md §5.4); this registry is
/// the truth, so tests can expire sessions without touching the browser's cookies.
/// </summary>
public sealed class FakeWebSessions(FakeAirtableOptions options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, FakeWebSession> _sessions = new(StringComparer.Ordinal);
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);

    public string CookieName => options.WebSessionCookieName;

    public string SignatureCookieName => options.WebSessionCookieName + ".sig";

    // Used by every cookie-authenticated route.
    public FakeWebSession? FindValidSession(HttpRequest request) => Find(request) is { IsSignedIn: true } session ? session : null;

    // Signed in or not; null when missing, unsigned or unknown.
    public FakeWebSession? Find(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var value)
            || !request.Cookies.TryGetValue(SignatureCookieName, out var signature)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(value)), Encoding.ASCII.GetBytes(signature)))
        {
            return null;
        }
        try
        {
            var json = JsonNode.Parse(Convert.FromBase64String(value));
            var id = json?["sessionId"]?.GetValue<string>();
            return id is not null && _sessions.TryGetValue(id, out var session) ? session : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public FakeWebSession StartAnonymous()
    {
        var session = new FakeWebSession("ses" + RandomId(14), RandomId(24), FakeLoginStep.Anonymous, null, timeProvider.GetUtcNow());
        _sessions[session.Id] = session;
        return session;
    }

    public FakeWebSession Advance(FakeWebSession session, FakeLoginStep step, string userId)
    {
        var next = session with
        {
            Step = step,
            UserId = userId,
            LoggedInAt = step == FakeLoginStep.SignedIn ? timeProvider.GetUtcNow() : null,
        };
        _sessions[session.Id] = next;
        return next;
    }

    /// <summary>Test and sandbox control: every signed-in session (or only one user's) stops being accepted.</summary>
    public int Expire(string? userId = null)
    {
        var count = 0;
        foreach (var session in _sessions.Values.Where(s => s.IsSignedIn && (userId is null || s.UserId == userId)))
        {
            _sessions[session.Id] = session with { Expired = true };
            count++;
        }
        return count;
    }

    // __Host- rules (Secure, Path=/, no Domain), as on airtable.com (docs/airtable/revision-history.md §5.5).
    public void WriteCookies(HttpResponse response, FakeWebSession session)
    {
        var cookie = new CookieOptions { Path = "/", Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(30) };
        foreach (var (name, value) in CookiesFor(session))
        {
            response.Cookies.Append(name, value, cookie);
        }
    }

    /// <summary>
    /// The session and signature cookie values for <paramref name="session"/>. Tests of cookie replay use it to sign
    /// in without a browser; the browser login itself is exercised with Chromium elsewhere.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> CookiesFor(FakeWebSession session)
    {
        var payload = new JsonObject { ["sessionId"] = session.Id, ["csrfSecret"] = session.CsrfSecret };
        if (session.Step == FakeLoginStep.SignedIn)
        {
            payload["userId"] = session.UserId;
            payload["loggedInTime"] = session.LoggedInAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (session.UserId is not null)
        {
            payload["userIdPending2fa"] = session.UserId;
        }
        var value = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return [new(CookieName, value), new(SignatureCookieName, Sign(value))];
    }

    /// <summary>Signs <paramref name="userId"/> in directly (no pages): for tests and the sandbox's own checks.</summary>
    public FakeWebSession SignIn(string userId) => Advance(StartAnonymous(), FakeLoginStep.SignedIn, userId);

    private string Sign(string value) =>
        Convert.ToBase64String(HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes(CookieName + "=" + value)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal static string RandomId(int length) => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
}
