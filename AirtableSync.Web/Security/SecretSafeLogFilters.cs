namespace AirtableSync.Web.Security;

/// <summary>
/// Caps framework log categories that write secrets verbatim, whatever Logging:LogLevel says. Added after the
/// configuration's rules, so a configured level for the same category cannot lower the cap.
/// </summary>
public static class SecretSafeLogFilters
{
    /// <summary>
    /// "Request starting/finished" lines carry the full query string, and Airtable's OAuth redirect brings the
    /// authorization code (and state) in it (docs/airtable/public-api.md §1.2). Warnings and errors of the category still pass.
    /// Access logs, if wanted, belong to the reverse proxy, which can drop the query of the callback path.
    /// </summary>
    public const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// At Debug, SignalR writes every hub invocation with its arguments; for the Blazor circuit those are the browser's
    /// events with each field's value: a token, a password or an MFA code typed into the Connect page.
    /// </summary>
    public const string HubDispatcher = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public static ILoggingBuilder AddSecretSafeLogFilters(this ILoggingBuilder logging) =>
        logging.AddFilter(HostingDiagnostics, LogLevel.Warning)
            .AddFilter(HubDispatcher, LogLevel.Information);
}
