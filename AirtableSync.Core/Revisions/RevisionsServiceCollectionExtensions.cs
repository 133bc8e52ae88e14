using System.Net;
using AirtableSync.Airtable;
using AirtableSync.Jobs;
using AirtableSync.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AirtableSync.Revisions;

public static class RevisionsServiceCollectionExtensions
{
    /// <summary>
    /// Revision history from the internal endpoint, parsed into field-level events. Reads
    /// "Revisions": { "RequestsPerSecondPerBase": 4, "PageSize": 50, "ConcurrentRecords": 3, "MaxThrottleRetries": 5,
    ///                "MaxThrottleBackoff": "00:00:30", "RevalidateEveryRecords": 50, "MaxPagesPerRecord": 100 }
    /// and "Airtable:WebBaseUrl". Needs the web session feature (cookies), storage and the sync feature (base selection).
    /// </summary>
    public static IServiceCollection AddRevisions(this IServiceCollection services)
    {
        services.AddOptions<RevisionOptions>().BindConfiguration(RevisionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RevisionRateLimiter>();
        services.AddSingleton<RevisionDiffParser>();
        services.AddSingleton<RevisionActivityNormalizer>();
        services.AddHttpClient<AirtableRevisionClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<AirtableOptions>>().Value.WebBaseUrl;
                http.Timeout = TimeSpan.FromMinutes(2);
            })
            // A redirect to /login is the expiry signal (§2.6), and the Cookie header is the session's own.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.All,
            });
        services.AddScoped<TableFieldRoles>();
        services.AddScoped<RecordHistoryFetcher>();
        services.AddScoped<RevisionSynchronizer>();
        services.AddScoped<ISyncFollowUp, RevisionSyncFollowUp>();
        services.AddJobHandler<RevisionSyncJobHandler>(JobKind.RevisionSync);
        return services;
    }
}
