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

    // Adds the Cookie and User-Agent headers; the HttpClient must not run its own cookie container.
    public void ApplyTo(HttpRequestMessage request)
    {
        request.Headers.Remove("Cookie");
        request.Headers.TryAddWithoutValidation("Cookie", CookieHeader);
        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
    }

    // Records print their members; the cookie values are secrets (PREAMBLE: never logged).
    public override string ToString() => $"AirtableWebSession {{ User = {AirtableUserId}, Cookies = {Cookies.Count}, CapturedAt = {CapturedAt:O} }}";
}
