using System.Net;
using AirtableSync.Airtable;
using AirtableSync.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AirtableSync.WebSession;

public static class WebSessionServiceCollectionExtensions
{
    /// <summary>
    /// Browser login (Playwright + system Chromium) and the captured cookie session. Reads:
    /// "Browser": { "ExecutablePath": "/usr/bin/chromium", "Headless": true, "ProfileDirectory": "" ({Storage:DataDirectory}/browser-profiles),
    ///              "StepTimeout": "00:00:30", "MfaTimeout": "00:05:00", "MaxMfaAttempts": 3,
    ///              "MinKeyDelayMs": 40, "MaxKeyDelayMs": 150, "ConnectionId": "airtable-web" }
    /// and "Airtable:WebBaseUrl". Needs an IConnectionStore and Data Protection registered by their features.
    /// </summary>
    public static IServiceCollection AddWebSession(this IServiceCollection services)
    {
        services.AddOptions<BrowserOptions>().BindConfiguration(BrowserOptions.SectionName)
            // Everything the app writes lives under the data directory unless a setting says otherwise, and relative
            // paths mean the same thing for every file the app keeps (not the shell's working directory).
            .PostConfigure<IOptions<StorageOptions>, IServiceProvider>((browser, storage, sp) =>
                browser.ProfileDirectory = storage.Value.ResolveDataPath(browser.ProfileDirectory, "browser-profiles", StorageOptions.ContentRootOf(sp)))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AirtableOptions>().BindConfiguration(AirtableOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChromiumLauncher>();
        services.AddSingleton<BrowserLoginCoordinator>();
        services.AddSingleton<WebSessionCookieProtector>();
        services.AddScoped<WebSessionVault>();
        services.AddHttpClient<WebSessionValidator>((sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<AirtableOptions>>().Value.WebBaseUrl)
            // §5.7: redirects are the signal (302 → /login), and the cookie header is ours, never a container's.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.All,
            });
        return services;
    }
}
