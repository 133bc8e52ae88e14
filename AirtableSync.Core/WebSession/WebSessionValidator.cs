using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AirtableSync.WebSession;

// Checks cheaply whether the stored cookies still sign in (docs/airtable/revision-history.md §5.7, probes 1 and 2), records
// the outcome, and hands the live session to callers — or fails fast with a re-login error.
// The HttpClient must neither follow redirects nor keep cookies of its own (see AddWebSession).
public sealed partial class WebSessionValidator(HttpClient http, WebSessionVault vault, IOptions<BrowserOptions> options)
{
    [GeneratedRegex("\"sessionUserId\"\\s*:\\s*\"(usr[A-Za-z0-9]+)\"")]
    private static partial Regex SessionUserId();

    private string ConnectionId => options.Value.ConnectionId;

    // The last known state, without a network call.
    public async Task<WebSessionCheck> GetCurrentAsync(CancellationToken cancellationToken)
    {
        var stored = await vault.FindAsync(ConnectionId, cancellationToken);
        return stored is null
            ? new(WebSessionState.None, null, null)
            : new(stored.Status == Model.ConnectionStatus.Active ? WebSessionState.Valid : WebSessionState.Expired, stored.AirtableUserId, stored.ValidatedAt, stored.StatusMessage, stored.Email);
    }

    public async Task<WebSessionCheck> ValidateAsync(CancellationToken cancellationToken)
    {
        var stored = await vault.FindAsync(ConnectionId, cancellationToken);
        if (stored is null)
        {
            return new(WebSessionState.None, null, null);
        }
        WebSessionProbe probe;
        try
        {
            probe = await ProbeAsync(vault.Open(stored), cancellationToken);
        }
        catch (WebSessionReloginRequiredException e)
        {
            probe = new(false, null, e.Message);
        }
        await vault.RecordCheckAsync(stored, probe.Alive, probe.Alive ? null : probe.Reason, cancellationToken);
        return await GetCurrentAsync(cancellationToken);
    }

    // The stored session when it is not known to be dead; otherwise a re-login error (fail fast).
    public async Task<AirtableWebSession> RequireSessionAsync(CancellationToken cancellationToken)
    {
        var stored = await vault.FindAsync(ConnectionId, cancellationToken)
            ?? throw new WebSessionReloginRequiredException("No Airtable web session yet: log in through the browser first.");
        if (stored.Status != Model.ConnectionStatus.Active)
        {
            throw new WebSessionReloginRequiredException($"The Airtable web session has expired ({stored.StatusMessage}); log in again.");
        }
        return vault.Open(stored);
    }

    // Probe 1: getUserProperties → 401 means dead (a 2xx alone is weak: it names nobody). Probe 2: GET / without
    // following redirects → a redirect to /login means dead; 200 naming sessionUserId means alive.
    // Anything else (5xx, throttling) throws: it says nothing about the cookies.
    public async Task<WebSessionProbe> ProbeAsync(AirtableWebSession session, CancellationToken cancellationToken)
    {
        if (session.HeaderProblem() is { } problem)
        {
            return new(false, null, $"The stored session cannot be sent: {problem}.");
        }
        using (var properties = await SendAsync(session, "/v0.3/getUserProperties", cancellationToken))
        {
            if (properties.StatusCode == HttpStatusCode.Unauthorized)
            {
                return new(false, null, "Airtable answered 401 to getUserProperties.");
            }
            properties.EnsureSuccessStatusCode();
        }
        using var home = await SendAsync(session, "/", cancellationToken);
        if ((int)home.StatusCode is >= 300 and < 400)
        {
            var location = home.Headers.Location?.ToString() ?? "";
            return location.Contains("/login", StringComparison.OrdinalIgnoreCase)
                ? new(false, null, "Airtable redirected the home page to /login.")
                : new(true, session.AirtableUserId, "getUserProperties accepted the cookies.");
        }
        home.EnsureSuccessStatusCode();
        var match = SessionUserId().Match(await home.Content.ReadAsStringAsync(cancellationToken));
        return match.Success
            ? new(true, match.Groups[1].Value, "The home page names the signed-in user.")
            : new(true, session.AirtableUserId, "getUserProperties accepted the cookies.");
    }

    private async Task<HttpResponseMessage> SendAsync(AirtableWebSession session, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        session.ApplyTo(request);
        if (path.StartsWith("/v0.3/", StringComparison.Ordinal))
        {
            request.Headers.TryAddWithoutValidation("x-requested-with", "XMLHttpRequest");
        }
        return await http.SendAsync(request, cancellationToken);
    }
}
