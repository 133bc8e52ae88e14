namespace AirtableSync.Storage;

/// <summary>
/// The one storage seam. Two providers (SQLite, MongoDB) implement it and must pass the same
/// contract suite (<c>SyncStoreContract</c> in the tests). Methods are use cases, not CRUD per table.
/// Instants are stored with millisecond precision (Airtable's and BSON's), on both providers.
/// </summary>
public interface ISyncStore
{
    /// <summary>Creates or migrates the schema / indexes. Idempotent; called once at start-up.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    // Connections: secrets arrive already protected (Data Protection); the store never sees clear text.
    Task SaveConnectionAsync(StoredConnection connection, CancellationToken cancellationToken = default);
    Task<StoredConnection?> GetConnectionAsync(string connectionId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StoredConnection>> ListConnectionsAsync(CancellationToken cancellationToken = default);
    Task DeleteConnectionAsync(string connectionId, CancellationToken cancellationToken = default);

    // Schema
    /// <summary>Upserts the bases a connection sees; bases no longer listed are marked removed (data kept).</summary>
    Task ApplyBaseListAsync(IReadOnlyList<BaseInfo> bases, DateTimeOffset seenAt, CancellationToken cancellationToken = default);
    /// <summary>Upserts a base's tables, fields and views by id; tables and fields gone from Airtable are marked removed, never deleted.</summary>
    Task ApplyBaseSchemaAsync(string baseId, IReadOnlyList<TableSchema> tables, DateTimeOffset syncedAt, CancellationToken cancellationToken = default);
    Task MarkBaseSyncedAsync(string baseId, DateTimeOffset syncedAt, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StoredBase>> ListBasesAsync(CancellationToken cancellationToken = default);
    Task<StoredBase?> GetBaseAsync(string baseId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StoredTable>> ListTablesAsync(string baseId, CancellationToken cancellationToken = default);
    Task<StoredTable?> GetTableAsync(string baseId, string tableId, CancellationToken cancellationToken = default);

    // Records
    /// <summary>
    /// Upserts one page of records. Unchanged records (same cells) keep their updatedAt and content;
    /// only lastSeenAt moves. A tombstoned record that reappears is revived (counted as updated).
    /// Cells that are not a JSON object, or an id twice in the page, throw <see cref="ArgumentException"/> and nothing of the page is written.
    /// </summary>
    Task<UpsertOutcome> UpsertRecordsAsync(string baseId, string tableId, IReadOnlyList<RecordData> records, DateTimeOffset seenAt, CancellationToken cancellationToken = default);
    /// <summary>After a complete full scan that started at <paramref name="scanStartedAt"/>: records not seen since become tombstones.</summary>
    Task<int> TombstoneRecordsNotSeenSinceAsync(string baseId, string tableId, DateTimeOffset scanStartedAt, DateTimeOffset deletedAt, CancellationToken cancellationToken = default);
    /// <summary>Throws <see cref="ArgumentException"/> for a negative skip, a take outside 1..1000 or a sort field that is not an Airtable field id.</summary>
    Task<RecordPage> QueryRecordsAsync(RecordQuery query, CancellationToken cancellationToken = default);
    Task<StoredRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StoredRecord>> GetRecordsByIdsAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken = default);
    /// <summary>Live records of a table whose cells changed after their revision history was last fetched (or never fetched).</summary>
    Task<IReadOnlyList<StoredRecord>> ListRecordsNeedingRevisionsAsync(string baseId, string tableId, int limit, CancellationToken cancellationToken = default);
    Task MarkRevisionsFetchedAsync(string recordId, DateTimeOffset fetchedAt, CancellationToken cancellationToken = default);

    // Revision history
    /// <summary>Inserts or replaces events keyed by (recordId, activityId, fieldId); returns how many were new.</summary>
    Task<int> UpsertRevisionEventsAsync(IReadOnlyList<RevisionEvent> events, CancellationToken cancellationToken = default);
    /// <summary>Events of one record, newest first.</summary>
    Task<IReadOnlyList<RevisionEvent>> GetRevisionsAsync(string recordId, CancellationToken cancellationToken = default);
    Task<IReadOnlySet<string>> GetKnownActivityIdsAsync(string recordId, CancellationToken cancellationToken = default);
    Task UpsertRecordCommentsAsync(IReadOnlyList<RecordComment> comments, CancellationToken cancellationToken = default);
    /// <summary>Comments of one record, oldest first.</summary>
    Task<IReadOnlyList<RecordComment>> GetRecordCommentsAsync(string recordId, CancellationToken cancellationToken = default);

    // Jobs
    /// <summary>Upserts a job. Its failures are merged with the stored ones (never removed), so saving a stale copy cannot drop failures appended meanwhile.</summary>
    Task SaveJobAsync(JobEntry job, CancellationToken cancellationToken = default);
    Task<JobEntry?> GetJobAsync(string jobId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<JobEntry>> ListJobsAsync(int limit, CancellationToken cancellationToken = default);
    /// <summary>Appends a per-item failure; concurrent appends are all kept. Throws <see cref="KeyNotFoundException"/> for an unknown job.</summary>
    Task AddJobFailureAsync(string jobId, JobFailure failure, CancellationToken cancellationToken = default);
    /// <summary>At start-up: jobs left queued or running by a dead process become interrupted (FinishedAt = <paramref name="at"/>). Returns their ids.</summary>
    Task<IReadOnlyList<string>> InterruptUnfinishedJobsAsync(DateTimeOffset at, CancellationToken cancellationToken = default);

    // Checkpoints and settings: small JSON documents keyed by (scope, key).
    Task SaveCheckpointAsync(string scope, string key, string valueJson, DateTimeOffset updatedAt, CancellationToken cancellationToken = default);
    Task<string?> GetCheckpointAsync(string scope, string key, CancellationToken cancellationToken = default);
    Task<IReadOnlyDictionary<string, string>> ListCheckpointsAsync(string scope, CancellationToken cancellationToken = default);
    Task DeleteCheckpointsAsync(string scope, CancellationToken cancellationToken = default);

    // Accounts: password hashes and API-key hashes only, never a clear-text secret.
    /// <summary>Adds a user; a taken normalized name answers NameTaken. With <paramref name="onlyIfNoUsers"/>, answers NotFirstUser once any user exists (first-run setup).</summary>
    Task<UserCreation> CreateUserAsync(AppUser user, bool onlyIfNoUsers, CancellationToken cancellationToken = default);
    Task<bool> AnyUsersAsync(CancellationToken cancellationToken = default);
    Task<AppUser?> GetUserAsync(string userId, CancellationToken cancellationToken = default);
    Task<AppUser?> FindUserByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default);
    /// <summary>Users by user name.</summary>
    Task<IReadOnlyList<AppUser>> ListUsersAsync(CancellationToken cancellationToken = default);
    /// <summary>Replaces a user's mutable state (role, hash, counters, disabled). Throws <see cref="KeyNotFoundException"/> for an unknown id.</summary>
    Task SaveUserAsync(AppUser user, CancellationToken cancellationToken = default);
    /// <summary>Atomically counts a bad password; reaching <paramref name="maxFailures"/> locks the user until <paramref name="lockUntil"/> and restarts the count. Returns the updated user.</summary>
    Task<AppUser?> RecordFailedSignInAsync(string userId, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken = default);
    /// <summary>A good sign-in: clears the failure count and lockout, sets the last sign-in time.</summary>
    Task RecordSignInAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken = default);
    Task SaveApiKeyAsync(StoredApiKey key, CancellationToken cancellationToken = default);
    /// <summary>The key with this SHA-256 hash, unless revoked.</summary>
    Task<StoredApiKey?> FindApiKeyByHashAsync(string keyHash, CancellationToken cancellationToken = default);
    /// <summary>All keys, revoked ones included, newest first.</summary>
    Task<IReadOnlyList<StoredApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default);
    /// <summary>Returns false when the key is unknown or already revoked.</summary>
    Task<bool> RevokeApiKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default);
    Task MarkApiKeyUsedAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Counts of bases and tables not removed, live and tombstoned records, and revision events.</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);
}
