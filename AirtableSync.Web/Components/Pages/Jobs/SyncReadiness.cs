using AirtableSync.Connections;
using AirtableSync.Web.Components.Shared;

namespace AirtableSync.Web.Components.Pages.Jobs;

// Whether a sync can run at all. Without an active API connection a sync would only fail (and then offer
// Resume on a job that can never succeed), so the sync buttons say why they are off instead.
public sealed class SyncReadiness(AirtableConnector connector)
{
    public const string NotConnected = "Connect Airtable first: the Connect page takes a personal access token or signs in with Airtable.";

    public const string ConnectionNotActive = "The Airtable connection needs attention on the Connect page before a sync can run.";

    // Null when a sync can start; otherwise the sentence to show beside the disabled buttons.
    public async Task<string?> BlockerAsync(CancellationToken cancellationToken) =>
        PrimaryConnection.Of(await connector.ListAsync(cancellationToken)) switch
        {
            null => NotConnected,
            { Status: ConnectionStatus.Active } => null,
            _ => ConnectionNotActive,
        };
}
