using AirtableSync.Connections;

namespace AirtableSync.Web.Components.Shared;

// As ActiveConnectionReader chooses it: an active PAT/OAuth connection first, most recently validated.
public static class PrimaryConnection
{
    public static ConnectionSummary? Of(IEnumerable<ConnectionSummary> connections) => connections
        .Where(c => c.Kind is ConnectionKind.PersonalAccessToken or ConnectionKind.OAuth)
        .OrderBy(c => c.Status == ConnectionStatus.Active ? 0 : 1)
        .ThenByDescending(c => c.ValidatedAt)
        .FirstOrDefault();
}
