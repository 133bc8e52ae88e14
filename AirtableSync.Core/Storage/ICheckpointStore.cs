namespace AirtableSync.Storage;

/// <summary>Checkpoints and settings: small JSON documents keyed by (scope, key).</summary>
public interface ICheckpointStore
{
    Task SaveCheckpointAsync(string scope, string key, string valueJson, DateTimeOffset updatedAt, CancellationToken cancellationToken = default);
    Task<string?> GetCheckpointAsync(string scope, string key, CancellationToken cancellationToken = default);
    Task<IReadOnlyDictionary<string, string>> ListCheckpointsAsync(string scope, CancellationToken cancellationToken = default);
    Task DeleteCheckpointsAsync(string scope, CancellationToken cancellationToken = default);
}
