using AirtableSync.Airtable;
using AirtableSync.Connections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirtableSync.Web.Endpoints.Api;

public sealed record ConnectPersonalAccessTokenRequest(string? Token);

/// <summary>Connect Airtable from automation. Tokens are validated with whoami, stored encrypted and never returned.</summary>
public static class ConnectionsApi
{
    public static RouteGroupBuilder MapConnectionsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/connections/personal-access-token", ConnectPersonalAccessTokenAsync);
        api.MapGet("/connections", ListAsync);
        return api;
    }

    private static async Task<Results<Created<ConnectionSummary>, ValidationProblem>> ConnectPersonalAccessTokenAsync(
        ConnectPersonalAccessTokenRequest? request, AirtableConnector connector, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Token))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["token is required: a personal access token starting with \"pat\"."] });
        }
        try
        {
            var connection = await connector.ConnectPersonalAccessTokenAsync(request.Token, cancellationToken);
            return TypedResults.Created("/api/v1/connections", connection);
        }
        catch (AirtableAuthenticationException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = [e.Message] });
        }
    }

    private static async Task<Ok<IReadOnlyList<ConnectionSummary>>> ListAsync(AirtableConnector connector, CancellationToken cancellationToken) =>
        TypedResults.Ok(await connector.ListAsync(cancellationToken));
}
