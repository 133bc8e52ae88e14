using AirtableSync.Sandbox;
using AirtableSync.WebSession;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AirtableSync.Tests.Infrastructure;

/// <summary>
/// Stores a signed-in airtable.com cookie session as the browser login would have captured it, for tests of
/// cookie replay. The browser login itself is exercised with real Chromium in WebSession/.
/// </summary>
internal static class WebSessionSeeding
{
    public static async Task SignInAsync(IServiceProvider services, FakeAirtableServer fake)
    {
        var user = fake.State.Users.Collaborators[0];
        var session = fake.State.WebSessions.SignIn(user.Id);
        var now = DateTimeOffset.UtcNow;
        var cookies = fake.State.WebSessions.CookiesFor(session)
            .Select(c => new WebSessionCookie(c.Key, c.Value, fake.BaseUrl.Host, "/", now.AddDays(30), Secure: true, HttpOnly: true))
            .ToList();
        using var scope = services.CreateScope();
        var connectionId = scope.ServiceProvider.GetRequiredService<IOptions<BrowserOptions>>().Value.ConnectionId;
        await scope.ServiceProvider.GetRequiredService<WebSessionVault>().SaveAsync(connectionId,
            new AirtableWebSession(cookies, "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36", user.Id, now, now), user.Email,
            Xunit.TestContext.Current.CancellationToken);
    }
}
