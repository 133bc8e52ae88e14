namespace AirtableSync.Storage;

/// <summary>
/// The one storage seam. Two providers (SQLite, MongoDB) implement it and must pass the same
/// contract suite (<c>SyncStoreContract</c> in the tests). Methods are use cases, not CRUD per table.
/// Instants are stored with millisecond precision (Airtable's and BSON's), on both providers.
/// Consumers take the role they use (<see cref="IRecordStore"/>, <see cref="IJobStore"/>…); DI resolves
/// every role to this one instance.
/// </summary>
public interface ISyncStore : IConnectionStore, ISchemaStore, IRecordStore, IRevisionStore, IJobStore, ICheckpointStore, IAccountStore
{
    /// <summary>Creates or migrates the schema / indexes. Idempotent; called once at start-up.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts of bases and tables not removed, live and tombstoned records, and revision events.</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);
}
