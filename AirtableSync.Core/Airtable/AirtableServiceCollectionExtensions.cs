using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AirtableSync.Airtable;

public static class AirtableServiceCollectionExtensions
{
    /// <summary>
    /// The public Web API client, its process-wide rate limiters and its one resilience pipeline.
    /// Reads (all optional; defaults shown):
    /// "Airtable": {
    ///   "ApiBaseUrl": "https://api.airtable.com", "RequestsPerSecondPerBase": 5, "RequestsPerSecondPerToken": 50,
    ///   "PersonalAccessToken": null,
    ///   "RateLimitPenalty": "00:00:30", "RateLimitPenaltyJitter": "00:00:03", "RateLimitWindowMargin": "00:00:00.030",
    ///   "MaxRateLimitRetries": 5, "MaxTransientRetries": 4, "TransientRetryBaseDelay": "00:00:01",
    ///   "TransientRetryMaxDelay": "00:01:00", "AttemptTimeout": "00:02:00", "MaxIteratorRestarts": 3 }
    /// A token source registered before or after this call (e.g. OAuth connections) wins over the PAT fallback.
    /// </summary>
    public static IServiceCollection AddAirtableClient(this IServiceCollection services)
    {
        services.AddOptions<AirtableOptions>().BindConfiguration(AirtableOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AirtableResilienceOptions>().BindConfiguration(AirtableOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AirtableRateLimiters>();
        services.TryAddSingleton<IAirtableTokenSource>(sp =>
            sp.GetRequiredService<IOptions<AirtableOptions>>().Value.PersonalAccessToken is { Length: > 0 } pat
                ? StaticTokenSource.ForPersonalAccessToken(pat)
                : new MissingTokenSource());

        services.AddHttpClient<AirtableApiClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<AirtableOptions>>().Value.ApiBaseUrl;
                // The pipeline bounds each attempt; HttpClient's own 100 s default would cut a queued request
                // short while its base sits out a 30 s penalty.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler(AirtableResiliencePipeline.Name, (builder, context) => AirtableResiliencePipeline.Configure(builder, context.ServiceProvider));
        return services;
    }
}
