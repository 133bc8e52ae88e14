using AirtableSync.Airtable;
using AirtableSync.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AirtableSync.Connections;

public static class ConnectionsServiceCollectionExtensions
{
    /// <summary>
    /// Airtable connections (named so because ASP.NET Core already has an AddConnections for SignalR): OAuth 2.0 + PKCE, personal access tokens, encrypted secrets. Needs an IConnectionStore.
    /// Reads:
    /// "Airtable": { "WebBaseUrl": "https://airtable.com", "ApiBaseUrl": "https://api.airtable.com",
    ///               "PersonalAccessToken": null,
    ///               "OAuth": { "ClientId": null, "ClientSecret": null, "RedirectUri": null,
    ///                          "Scopes": "data.records:read schema.bases:read user.email:read",
    ///                          "IncludeRecordComments": false, "IncludeWebhooks": false } },
    /// "Storage": { "DataDirectory": "data" }   (Data Protection keys in {DataDirectory}/keys; bound by AddSyncStorage)
    /// </summary>
    public static IServiceCollection AddAirtableConnections(this IServiceCollection services)
    {
        services.AddOptions<AirtableOptions>().BindConfiguration(AirtableOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AirtableOAuthOptions>().BindConfiguration(AirtableOAuthOptions.SectionName).ValidateDataAnnotations()
            // Both travel in the token request's Basic header and the authorize URL; a pasted line break or a stray
            // space would otherwise fail the first sign-in, far from the setting. The messages never quote the secret.
            .Validate(o => o.ClientId is null || HeaderValueRules.Problem(o.ClientId, 256) is null,
                "Airtable:OAuth:ClientId must be the integration's client id: visible ASCII, no spaces or line breaks, at most 256 characters.")
            .Validate(o => o.ClientSecret is null || HeaderValueRules.Problem(o.ClientSecret, 1024) is null,
                "Airtable:OAuth:ClientSecret must be the integration's secret: visible ASCII, no spaces or line breaks, at most 1024 characters.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // The key ring sits beside the data it unlocks. On Linux the XML keys are not encrypted at rest by
        // Data Protection itself: the data directory's file permissions are what protect them.
        services.AddDataProtection().SetApplicationName("AirtableSync");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, IServiceProvider, ILoggerFactory>((keys, storage, sp, loggers) =>
            {
                var directory = storage.Value.ResolveDataPath(null, "keys", StorageOptions.ContentRootOf(sp));
                keys.XmlRepository = new FileSystemXmlRepository(Directory.CreateDirectory(directory), loggers);
            });

        services.AddSingleton<ConnectionSecretProtector>();
        services.AddSingleton<ConnectionSecrets>();
        services.AddSingleton<OAuthStateStore>();
        services.AddSingleton<ActiveConnectionReader>();
        services.AddSingleton<OAuthTokenRefresher>();
        services.AddSingleton<ConnectionTokenSource>();
        services.AddSingleton<IAirtableTokenSource>(sp => sp.GetRequiredService<ConnectionTokenSource>());
        services.AddSingleton<AirtableConnector>();
        services.AddHostedService<ConfiguredTokenConnector>();

        // No retry handler on purpose: a refresh token is single-use, and a retried refresh whose first attempt
        // did reach Airtable would burn the grant (docs/airtable/public-api.md §1.3).
        // Both clients end up inside singletons, so they own a long-lived handler that recycles its
        // connections itself (the documented alternative to handler rotation by the factory).
        services.AddHttpClient<OAuthTokenClient>((sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<IOptions<AirtableOptions>>().Value.WebBaseUrl;
            http.Timeout = TimeSpan.FromSeconds(30);
        }).UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
          .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddHttpClient<AirtableIdentityProbe>((sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<IOptions<AirtableOptions>>().Value.ApiBaseUrl;
            http.Timeout = TimeSpan.FromSeconds(30);
        }).UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
          .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services;
    }
}
