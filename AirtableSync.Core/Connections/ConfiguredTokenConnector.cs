using AirtableSync.Airtable;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AirtableSync.Connections;

// Connects Airtable:PersonalAccessToken at start-up, validated like one pasted in the UI. A token Airtable
// rejects stops the start (a misconfiguration an operator must fix); Airtable being unreachable does not.
// The store is ready by then: AddSyncStorage initializes it in StartingAsync, before any StartAsync.
public sealed class ConfiguredTokenConnector(
    IOptions<AirtableOptions> options,
    AirtableConnector connector,
    ILogger<ConfiguredTokenConnector> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.PersonalAccessToken))
        {
            return;
        }
        try
        {
            await connector.ConnectPersonalAccessTokenAsync(options.Value.PersonalAccessToken, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            // Said without the token: start-up errors land in logs and terminals.
            throw new InvalidOperationException("Airtable:PersonalAccessToken is not a usable token. " + ex.Message.Replace(" (Parameter 'token')", "", StringComparison.Ordinal), ex);
        }
        catch (AirtableAuthenticationException ex)
        {
            throw new InvalidOperationException("Airtable:PersonalAccessToken was rejected by Airtable; fix or remove it. " + ex.Message, ex);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Could not validate Airtable:PersonalAccessToken at start-up; Airtable is unreachable. It was not connected");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
