using AirtableSync.Airtable;
using AirtableSync.Storage;

namespace AirtableSync.Connections;

// Picks the connection the API client should use: the most recently validated active PAT or OAuth connection.
// Browser-session connections serve the internal endpoints, not the public API, so they are ignored here.
public sealed class ActiveConnectionReader(IConnectionStore store)
{
    public async Task<StoredConnection> GetAsync(CancellationToken cancellationToken)
    {
        var candidates = (await store.ListConnectionsAsync(cancellationToken))
            .Where(c => c.Kind is ConnectionKind.PersonalAccessToken or ConnectionKind.OAuth)
            .OrderByDescending(c => c.ValidatedAt ?? c.UpdatedAt)
            .ToList();
        if (candidates.FirstOrDefault(c => c.Status == ConnectionStatus.Active) is { } active)
        {
            return active;
        }
        if (candidates.FirstOrDefault() is { } inactive)
        {
            throw new AirtableAuthenticationException(inactive.StatusMessage ?? "The Airtable connection needs to be authorized again.");
        }
        throw new AirtableAuthenticationException("No Airtable connection: connect with OAuth or a personal access token first.");
    }

    public async Task<StoredConnection> GetByIdAsync(string connectionId, CancellationToken cancellationToken)
    {
        var connection = await store.GetConnectionAsync(connectionId, cancellationToken)
            ?? throw new AirtableAuthenticationException("The Airtable connection was removed.");
        return connection.Status == ConnectionStatus.Active
            ? connection
            : throw new AirtableAuthenticationException(connection.StatusMessage ?? "The Airtable connection needs to be authorized again.");
    }
}
