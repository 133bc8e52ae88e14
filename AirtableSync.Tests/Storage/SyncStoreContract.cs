using AirtableSync.Storage;

namespace AirtableSync.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="ISyncStore"/> provider must have. Each test gets a fresh, initialized store
/// from <see cref="CreateStoreAsync"/>. Split by topic into partial files.
/// </summary>
public abstract partial class SyncStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private ISyncStore? _store;

    /// <summary>Why this provider cannot run here (e.g. no MongoDB), or null.</summary>
    protected virtual string? SkipReason => null;

    protected abstract Task<ISyncStore> CreateStoreAsync(CancellationToken cancellationToken);

    protected virtual ValueTask DisposeStoreAsync(ISyncStore store) => ValueTask.CompletedTask;

    protected static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    protected ISyncStore Store
    {
        get
        {
            if (SkipReason is { } reason)
            {
                Assert.Skip(reason);
            }
            return _store ?? throw new InvalidOperationException("The store was not created.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is null)
        {
            _store = await CreateStoreAsync(Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }
        GC.SuppressFinalize(this);
    }

    protected static RecordData Rec(string id, int createdMinute, string fieldsJson) =>
        new(id, T0.AddMinutes(createdMinute), fieldsJson);

    protected Task<UpsertOutcome> UpsertAsync(DateTimeOffset seenAt, params RecordData[] records) =>
        Store.UpsertRecordsAsync("appBase", "tblTable", records, seenAt, Token);

    protected async Task<StoredRecord> GetAsync(string id) =>
        await Store.GetRecordAsync(id, Token) ?? throw new Xunit.Sdk.XunitException($"Record {id} is missing.");

    protected Task<RecordPage> QueryAsync(int skip = 0, int take = 50, string? search = null, string? sortFieldId = null,
        SortDirection direction = SortDirection.Ascending, bool includeDeleted = false) =>
        Store.QueryRecordsAsync(new RecordQuery("appBase", "tblTable", skip, take, search, sortFieldId, direction, includeDeleted), Token);

    protected static string[] Ids(RecordPage page) => page.Items.Select(r => r.Id).ToArray();
}
