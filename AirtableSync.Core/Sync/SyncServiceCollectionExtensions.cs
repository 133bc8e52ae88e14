using AirtableSync.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// "Sync": { "StreamsPerBase": 4, "MaxSlicesPerTable": 8, "ParallelBases": 3,
    ///           "IncrementalOverlap": "00:05:00", "FullReconciliationInterval": "1.00:00:00",
    ///           "WriteBatchRecords": 1000, "WriteBatchMaxDelay": "00:00:02" }
    /// </summary>
    public static IServiceCollection AddSync(this IServiceCollection services)
    {
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SchemaSynchronizer>();
        services.AddScoped<TableScanner>();
        services.AddScoped<BaseRecordSynchronizer>();
        services.AddScoped<SyncBaseSelection>();
        services.AddScoped<SyncRun>();
        services.AddJobHandler<FullSyncJobHandler>(JobKind.FullSync);
        services.AddJobHandler<IncrementalSyncJobHandler>(JobKind.IncrementalSync);
        services.AddJobHandler<SchemaSyncJobHandler>(JobKind.SchemaSync);
        services.AddJobHandler<RecordSyncJobHandler>(JobKind.RecordSync);
        return services;
    }
}
