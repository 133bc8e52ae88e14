namespace AirtableSync.Web.Security;

// Only what Blazor Server and MudBlazor need.
public static class ContentSecurityPolicy
{
    public static string Build(string nonce, IEnumerable<string> formActionOrigins) => string.Join("; ",
        "default-src 'self'",
        // blazor.web.js, MudBlazor's and our scripts are files from 'self'; the inline <ImportMap /> carries the nonce.
        // No 'unsafe-eval': Blazor Server (unlike WebAssembly) evaluates no code in the browser.
        $"script-src 'self' 'nonce-{nonce}'",
        // MudBlazor sets style attributes (popover positions, progress widths) and Blazor's reconnect UI injects styles.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        // Chromium matches ws:/wss: to the page's own host with 'self' (CSP Level 3), which carries the circuit's WebSocket.
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        string.Join(' ', ["form-action 'self'", .. formActionOrigins.Select(o => o.TrimEnd('/'))]),
        "frame-ancestors 'none'");
}
