using AirtableSync.Storage;
using AirtableSync.Storage.Mongo;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Driver;

namespace AirtableSync.Tests.Storage;

/// <summary>
/// The contract against a real MongoDB, when AIRTABLESYNC_TEST_MONGODB_URI points at one (none can run on
/// the CI machines, where no MongoDB package is served; README "Switching to MongoDB"). Each test uses its own database, dropped afterwards.
/// </summary>
public sealed class MongoSyncStoreTests : SyncStoreContract
{
    public const string UriVariable = "AIRTABLESYNC_TEST_MONGODB_URI";
    private static readonly string? Uri = Environment.GetEnvironmentVariable(UriVariable);
    private static readonly Lazy<MongoClient> Client = new(() => new MongoClient(Uri));
    private readonly string _database = $"airtablesync_test_{Guid.NewGuid():N}";

    protected override string? SkipReason => string.IsNullOrWhiteSpace(Uri)
        ? $"No MongoDB here: set {UriVariable} (e.g. mongodb://127.0.0.1:27017) to run the storage contract against MongoDB."
        : null;

    protected override async Task<ISyncStore> CreateStoreAsync(CancellationToken cancellationToken)
    {
        var store = new MongoSyncStore(Client.Value, _database, NullLogger<MongoSyncStore>.Instance);
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    protected override async ValueTask DisposeStoreAsync(ISyncStore store) =>
        await Client.Value.DropDatabaseAsync(_database);
}
