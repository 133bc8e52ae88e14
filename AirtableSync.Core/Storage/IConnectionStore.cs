namespace AirtableSync.Storage;

/// <summary>
/// Airtable connections. Secrets arrive already protected (Data Protection); the store never sees clear text.
/// </summary>
public interface IConnectionStore
{
    Task SaveConnectionAsync(StoredConnection connection, CancellationToken cancellationToken = default);
    Task<StoredConnection?> GetConnectionAsync(string connectionId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StoredConnection>> ListConnectionsAsync(CancellationToken cancellationToken = default);
    Task DeleteConnectionAsync(string connectionId, CancellationToken cancellationToken = default);
}
