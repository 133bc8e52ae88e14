namespace AirtableSync.Web.Security;

// Added after the configuration's rules, so a configured level for a category that writes secrets verbatim cannot lower the cap.
public static class SecretSafeLogFilters
{
    // Request lines carry the full query string, and Airtable's OAuth redirect brings the code and state in it
    // (docs/airtable/public-api.md §1.2). Warnings and errors still pass; access logs belong to the reverse proxy, which can
    // drop the callback's query.
    public const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    // At Debug SignalR logs every hub invocation with its arguments: for the circuit, each field's value (a token,
    // a password or an MFA code typed into the Connect page).
    public const string HubDispatcher = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public static ILoggingBuilder AddSecretSafeLogFilters(this ILoggingBuilder logging) =>
        logging.AddFilter(HostingDiagnostics, LogLevel.Warning)
            .AddFilter(HubDispatcher, LogLevel.Information);
}
