using AirtableSync.WebSession;
using Microsoft.AspNetCore.DataProtection;

namespace AirtableSync.Tests.WebSession;

public class WebSessionCookieProtectorTests
{
    private static readonly AirtableWebSession s_session = new(
        [new("__Host-airtable-session", "c2VjcmV0LXNlc3Npb24=", "airtable.com", "/", null, true, true), new("brw", "brwABCDEFGHIJKLMN", ".airtable.com", "/", null, false, false)],
        "Mozilla/5.0 Chrome/156.0.0.0", "usrSandboxAdmin01", DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void ProtectedCookiesRoundTripAndNeverAppearInClearText()
    {
        var protector = new WebSessionCookieProtector(new EphemeralDataProtectionProvider());

        var secret = protector.Protect(s_session);
        var back = protector.Unprotect(secret, DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain("c2VjcmV0LXNlc3Npb24", secret, StringComparison.Ordinal);
        Assert.Equal(s_session.Cookies, back.Cookies);
        Assert.Equal("__Host-airtable-session=c2VjcmV0LXNlc3Npb24=; brw=brwABCDEFGHIJKLMN", back.CookieHeader);
        Assert.Equal(s_session.UserAgent, back.UserAgent);
    }

    [Fact]
    public void SecretFromAnotherKeyRingAsksForANewLogin()
    {
        var secret = new WebSessionCookieProtector(new EphemeralDataProtectionProvider()).Protect(s_session);

        Assert.Throws<WebSessionReloginRequiredException>(() => new WebSessionCookieProtector(new EphemeralDataProtectionProvider()).Unprotect(secret, null));
    }

    [Fact]
    public void SessionTextNeverShowsCookieValues() =>
        Assert.DoesNotContain("c2VjcmV0", s_session.ToString(), StringComparison.Ordinal);

    [Theory]
    [InlineData("airtable.com", "airtable.com", true)]
    [InlineData(".airtable.com", "airtable.com", true)]
    [InlineData("static.airtable.com", "airtable.com", true)]
    [InlineData("px-cloud.net", "airtable.com", false)]
    [InlineData("notairtable.com", "airtable.com", false)]
    public void CookiesAreKeptForTheWebHostAndItsDomainOnly(string cookieDomain, string host, bool kept) =>
        Assert.Equal(kept, WebSessionCapture.BelongsTo(cookieDomain, host));
}
