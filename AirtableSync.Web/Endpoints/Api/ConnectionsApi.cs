using AirtableSync.Airtable;
using AirtableSync.Connections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirtableSync.Web.Endpoints.Api;

public sealed record ConnectPersonalAccessTokenRequest(string? Token);

// Tokens are validated with whoami, stored encrypted and never returned.
public static class ConnectionsApi
{
    public static RouteGroupBuilder MapConnectionsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/connections/personal-access-token", ConnectPersonalAccessTokenAsync);
        api.MapGet("/connections", ListAsync);
        return api;
    }

    private static async Task<Results<Created<ConnectionSummary>, ValidationProblem, ProblemHttpResult>> ConnectPersonalAccessTokenAsync(
        ConnectPersonalAccessTokenRequest? request, AirtableConnector connector, CancellationToken cancellationToken)
    {
        var token = request?.Token?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["token is required: a personal access token starting with \"pat\"."] });
        }
        // Checked here, before Airtable is asked, with the rule the connector enforces too (TokenFormat).
        if (TokenFormat.Problem(token) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = [problem] });
        }
        try
        {
            var connection = await connector.ConnectPersonalAccessTokenAsync(token, cancellationToken);
            return TypedResults.Created("/api/v1/connections", connection);
        }
        catch (AirtableAuthenticationException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = [e.Message] });
        }
        catch (HttpRequestException)
        {
            return TypedResults.Problem("Airtable could not be reached to check the token. Nothing was saved; try again in a moment.",
                statusCode: StatusCodes.Status502BadGateway, title: "Airtable could not be reached");
        }
    }

    private static async Task<Ok<IReadOnlyList<ConnectionSummary>>> ListAsync(AirtableConnector connector, CancellationToken cancellationToken) =>
        TypedResults.Ok(await connector.ListAsync(cancellationToken));
}
