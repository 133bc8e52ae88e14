using AirtableSync.Storage.Mongo;
using AirtableSync.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace AirtableSync.Storage;

public static class StorageServiceCollectionExtensions
{
    // "Storage": {
    //   "Provider": "Sqlite",                    // or "MongoDb"
    //   "DataDirectory": "data",                 // relative to the content root
    //   "Sqlite": { "Path": null,                // default <DataDirectory>/airtablesync.db
    //               "IdleCheckpointInterval": "00:05:00", "JournalSizeLimitMegabytes": 64 },
    //   "MongoDb": { "ConnectionString": "mongodb://localhost:27017", "Database": "airtablesync" }
    // }
    public static IServiceCollection AddSyncStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        // One MongoClient per process: it owns the connection pool. Created only when the provider is MongoDb.
        services.TryAddSingleton<IMongoClient>(sp =>
            new MongoClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.MongoDb.ConnectionString));
        services.TryAddSingleton<ISyncStore>(CreateStore);
        services.AddSyncStoreRoles();
        services.AddHostedService<StorageInitializer>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<SqliteIdleCheckpoint>();
        return services;
    }

    /// <summary>
    /// Resolves each role to the registered <see cref="ISyncStore"/>, so consumers of different roles share one
    /// store (SQLite's one writer queue, Mongo's one client). For hosts that register their own store.
    /// </summary>
    public static IServiceCollection AddSyncStoreRoles(this IServiceCollection services)
    {
        services.TryAddSingleton<IConnectionStore>(sp => sp.GetRequiredService<ISyncStore>());
        services.TryAddSingleton<ISchemaStore>(sp => sp.GetRequiredService<ISyncStore>());
        services.TryAddSingleton<IRecordStore>(sp => sp.GetRequiredService<ISyncStore>());
        services.TryAddSingleton<IRevisionStore>(sp => sp.GetRequiredService<ISyncStore>());
        services.TryAddSingleton<IJobStore>(sp => sp.GetRequiredService<ISyncStore>());
        services.TryAddSingleton<ICheckpointStore>(sp => sp.GetRequiredService<ISyncStore>());
        services.TryAddSingleton<IAccountStore>(sp => sp.GetRequiredService<ISyncStore>());
        return services;
    }

    private static ISyncStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.Provider switch
        {
            StorageProvider.MongoDb => new MongoSyncStore(
                services.GetRequiredService<IMongoClient>(), options.MongoDb.Database, services.GetRequiredService<ILogger<MongoSyncStore>>()),
            _ => new SqliteSyncStore(
                options.ResolveSqlitePath(StorageOptions.ContentRootOf(services)),
                services.GetRequiredService<ILogger<SqliteSyncStore>>(),
                SqliteSyncStore.DefaultCheckpointAfterBytes,
                options.Sqlite.JournalSizeLimitMegabytes * 1024L * 1024),
        };
    }
}
