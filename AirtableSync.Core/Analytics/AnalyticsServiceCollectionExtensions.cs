using Microsoft.Extensions.DependencyInjection;
using AirtableSync.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>Status and people analytics of a table (no configuration). Scoped like TableFieldRoles, which it reads.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Materialized where the store keeps timelines (SQLite); one instance, so one build per table and field at a time.
        services.TryAddSingleton(sp => new FieldTimelines(sp.GetRequiredService<IRecordStore>(), sp.GetRequiredService<IRevisionStore>(),
            sp.GetRequiredService<ISyncStore>() as IFieldVisitStore, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FieldTimelines>>()));
        services.AddScoped<TableAnalytics>();
        return services;
    }
}
