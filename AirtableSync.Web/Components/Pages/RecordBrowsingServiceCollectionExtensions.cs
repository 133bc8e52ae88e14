using AirtableSync.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AirtableSync.Web.Components.Pages;

public static class RecordBrowsingServiceCollectionExtensions
{
    /// <summary>
    /// The analyst's pages (bases, tables, records, record history). Reads no configuration;
    /// needs the schema, record, revision, checkpoint and account store roles registered by the storage feature.
    /// </summary>
    public static IServiceCollection AddRecordBrowsing(this IServiceCollection services)
    {
        services.AddScoped<ViewerTimeZone>();
        // The grid shows each table's Status and Assignee first; the revision feature registers the same type.
        services.TryAddScoped<Revisions.TableFieldRoles>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
