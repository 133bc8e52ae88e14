using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AirtableSync.WebSession;

// Reads the finished login out of the browser: every cookie of the web host and the signed-in user id.
internal static partial class WebSessionCapture
{
    [GeneratedRegex("\"sessionUserId\"\\s*:\\s*\"(usr[A-Za-z0-9]+)\"")]
    private static partial Regex SessionUserId();

    public static async Task<AirtableWebSession> CaptureAsync(LaunchedBrowser browser, Uri webBaseUrl, DateTimeOffset now)
    {
        var userId = SessionUserId().Match(await browser.Page.ContentAsync()) is { Success: true } match ? match.Groups[1].Value : null;
        // All cookies of the context, filtered by domain ourselves: asking by URL would hide Secure cookies over
        // http and parent-domain ones; §2.4 says keep every cookie of the host's domain, __Host- ones included.
        var cookies = (await browser.Context.CookiesAsync())
            .Where(c => BelongsTo(c.Domain, webBaseUrl.Host))
            .Select(c => new WebSessionCookie(
                c.Name, c.Value, c.Domain, c.Path,
                c.Expires > 0 ? DateTimeOffset.FromUnixTimeMilliseconds((long)(c.Expires * 1000)) : null,
                c.Secure, c.HttpOnly))
            .ToList();
        return new AirtableWebSession(cookies, browser.UserAgent, userId, now, now);
    }

    internal static bool BelongsTo(string cookieDomain, string host)
    {
        var domain = cookieDomain.TrimStart('.');
        return string.Equals(domain, host, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith("." + host, StringComparison.OrdinalIgnoreCase);
    }
}
