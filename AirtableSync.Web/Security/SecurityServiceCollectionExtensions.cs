using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace AirtableSync.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Request size limits (Kestrel, the REST API, the Blazor circuit's SignalR messages) and the security headers.
    /// HTTPS redirection and HSTS stay in Program.cs, outside Development.
    /// <code>
    /// "Security": {
    ///   "MaxRequestBodyBytes": 1048576,
    ///   "MaxApiRequestBodyBytes": 65536,
    ///   "MaxHubMessageBytes": 32768,
    ///   "ReferrerPolicy": "no-referrer",
    ///   "FormActionOrigins": []
    /// }
    /// </code>
    /// </summary>
    public static IServiceCollection AddSecurityHardening(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<SecurityOptions>>((kestrel, security) =>
            kestrel.Limits.MaxRequestBodySize = security.Value.MaxRequestBodyBytes);
        // Global hub defaults; Blazor's circuit hub takes them unless it is configured on its own.
        services.AddOptions<HubOptions>().Configure<IOptions<SecurityOptions>>((hub, security) =>
            hub.MaximumReceiveMessageSize = security.Value.MaxHubMessageBytes);
        services.AddLogging(logging => logging.AddSecretSafeLogFilters());
        return services;
    }

    // First in the pipeline, so that every response (errors, refusals and static files too) gets the headers.
    public static IApplicationBuilder UseSecurityHardening(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>().UseMiddleware<RequestBodyLimitMiddleware>();
}
