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
    ///                "MaxThrottleBackoff": "00:00:30", "RevalidateEveryRecords": 50, "MaxPagesPerRecord": 100,
    ///                "AttemptTimeout": "00:02:00" }
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
                // The pipeline bounds each attempt; HttpClient's own timeout would also cover the backoffs between them.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // A redirect to /login is the expiry signal (§2.6), and the Cookie header is the session's own.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.All,
            })
            .AddResilienceHandler(RevisionResiliencePipeline.Name, (builder, context) => RevisionResiliencePipeline.Configure(builder, context.ServiceProvider));
        services.AddScoped<TableFieldRoles>();
        services.AddScoped<RecordHistoryFetcher>();
        services.AddScoped<RevisionSynchronizer>();
        services.AddScoped<ISyncFollowUp, RevisionSyncFollowUp>();
        services.AddJobHandler<RevisionSyncJobHandler>(JobKind.RevisionSync);
        return services;
    }
}
