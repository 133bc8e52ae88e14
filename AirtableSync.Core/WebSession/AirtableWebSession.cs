using AirtableSync.Airtable;

namespace AirtableSync.WebSession;

// A captured airtable.com login: every cookie of the web host plus the user agent of the browser that
// minted them, replayed by plain HttpClient calls (docs/airtable/revision-history.md §2.3–§2.5). Never log it.
public sealed record AirtableWebSession(
    IReadOnlyList<WebSessionCookie> Cookies,
    string UserAgent,
    string? AirtableUserId,
    DateTimeOffset CapturedAt,
    DateTimeOffset? ValidatedAt)
{
    // "name=value; name2=value2" — every cookie, unchanged, as §2.4 recommends.
    public string CookieHeader => string.Join("; ", Cookies.Select(c => c.Name + "=" + c.Value));

    // The browser's own expiry hints (§5.6: stored, but only a live probe is trusted).
    public DateTimeOffset? LatestCookieExpiry => Cookies.Max(c => c.Expires);

    // A guard against damage only: far above what a browser sends to one site (Airtable's limit is not known), so
    // it never refuses a real session.
    private const int MaxCookieHeaderLength = 64 * 1024;

    // Null when the cookies and user agent can travel in headers. A session read back damaged (or captured from a
    // browser that broke the rules) would otherwise fail deep in HttpClient with an error naming no cause; the
    // sentence never quotes a value, since cookie values are secrets.
    public string? HeaderProblem() =>
        HeaderValueRules.Problem(CookieHeader, MaxCookieHeaderLength, allowSpaces: true) is { } cookies ? $"its cookie header {cookies}"
        : HeaderValueRules.Problem(UserAgent, allowSpaces: true) is { } agent ? $"its browser user agent {agent}"
        : null;

    // Adds the Cookie and User-Agent headers; the HttpClient must not run its own cookie container.
    /// <exception cref="WebSessionReloginRequiredException">The session cannot be sent (HeaderProblem).</exception>
    public void ApplyTo(HttpRequestMessage request)
    {
        if (HeaderProblem() is { } problem)
        {
            throw new WebSessionReloginRequiredException($"The stored Airtable web session cannot be sent: {problem}. Log in again.");
        }
        request.Headers.Remove("Cookie");
        request.Headers.TryAddWithoutValidation("Cookie", CookieHeader);
        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
    }

    // Records print their members; the cookie values are secrets (never logged).
    public override string ToString() => $"AirtableWebSession {{ User = {AirtableUserId}, Cookies = {Cookies.Count}, CapturedAt = {CapturedAt:O} }}";
}
