using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace AirtableSync.Tests.Security;

/// <summary>
/// Records every Content-Security-Policy violation a page reports: the DOM's securitypolicyviolation events (hooked
/// before any page script runs) and Chromium's console messages about refused resources.
/// </summary>
internal sealed class CspViolations
{
    private const string Hook = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
        """;

    private readonly ConcurrentQueue<string> _console = new();
    private readonly ConcurrentQueue<string> _webSockets = new();

    private CspViolations(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _console.Enqueue(message.Text);
            }
        };
        page.WebSocket += (_, socket) => _webSockets.Enqueue(socket.Url);
    }

    public IPage Page { get; }

    /// <summary>WebSocket URLs the page opened (the Blazor circuit's among them).</summary>
    public IReadOnlyList<string> WebSockets => [.. _webSockets];

    public static async Task<CspViolations> WatchAsync(IBrowser browser, Uri baseUrl)
    {
        var page = await browser.NewPageAsync(new() { BaseURL = baseUrl.ToString() });
        await page.AddInitScriptAsync(Hook);
        return new CspViolations(page);
    }

    /// <summary>Console reports so far plus the current document's events.</summary>
    public async Task<IReadOnlyList<string>> ReadAsync() =>
        [.. _console, .. await Page.EvaluateAsync<string[]>("() => window.__cspViolations ?? []")];
}
