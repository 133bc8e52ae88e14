using AirtableSync.Airtable;
using AirtableSync.Connections;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Web.Auth;
using AirtableSync.Web.Components.Shared;

namespace AirtableSync.Web.Components.Pages.Connect;

// TokenError: what is wrong with the typed token itself, shown on the token field; Airtable was not asked.
public sealed record ConnectOutcome(ConnectionSummary? Connection, string? Error, string? TokenError = null);

// Exceptions become readable sentences and are logged, never shown raw. Admins only, checked on every call.
public sealed class ConnectActions(AirtableConnector connector, CurrentUser currentUser, ConnectionChanges changes, ILogger<ConnectActions> logger)
{
    public async Task<IReadOnlyList<ConnectionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await currentUser.RequireAdminAsync(cancellationToken);
        return await connector.ListAsync(cancellationToken);
    }

    public async Task<ConnectOutcome> ConnectPersonalAccessTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!await currentUser.IsAdminAsync(cancellationToken))
        {
            return new(null, "Only an admin can connect Airtable.");
        }
        if (string.IsNullOrWhiteSpace(token))
        {
            return new(null, "Paste a personal access token (it starts with \"pat\").");
        }
        if (TokenFormat.Problem(token.Trim()) is { } problem)
        {
            return new(null, null, problem);
        }
        try
        {
            var connection = await connector.ConnectPersonalAccessTokenAsync(token, cancellationToken);
            await changes.PublishAsync();
            return new(connection, null);
        }
        catch (AirtableAuthenticationException)
        {
            return new(null, "Airtable did not accept this personal access token (wrong, revoked or expired). Nothing was saved.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not connect a personal access token");
            return new(null, "Could not reach Airtable to check the token. Nothing was saved; try again in a moment.");
        }
    }

    // The sandbox's own token: one click connects the simulated workspace.
    public Task<ConnectOutcome> ConnectSandboxAsync(CancellationToken cancellationToken) =>
        ConnectPersonalAccessTokenAsync(FakeSandboxSeeder.SandboxToken, cancellationToken);

    public async Task<string?> DisconnectAsync(string connectionId, CancellationToken cancellationToken)
    {
        if (!await currentUser.IsAdminAsync(cancellationToken))
        {
            return "Only an admin can remove a connection.";
        }
        try
        {
            await connector.DisconnectAsync(connectionId, cancellationToken);
            await changes.PublishAsync();
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not remove connection {ConnectionId}", connectionId);
            return "Could not remove the connection. The error was logged; try again in a moment.";
        }
    }
}
