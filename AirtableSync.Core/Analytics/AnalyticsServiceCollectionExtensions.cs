using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AirtableSync.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>Status and people analytics of a table (no configuration). Scoped like TableFieldRoles, which it reads.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<TableAnalytics>();
        return services;
    }
}
