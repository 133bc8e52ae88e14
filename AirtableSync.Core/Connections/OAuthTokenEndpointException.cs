using System.Net;

namespace AirtableSync.Connections;

/// <summary>
/// The token endpoint refused (docs/airtable/public-api.md §1.3): 401 invalid_client, 400 for the other codes,
/// 409 when the same refresh token was used moments ago (another caller or instance refreshed).
/// </summary>
public sealed class OAuthTokenEndpointException(HttpStatusCode status, string error, string? description)
    : Exception($"Airtable's token endpoint answered {(int)status} {error}{(description is null ? "" : $": {description}")}")
{
    public HttpStatusCode Status { get; } = status;
    public string Error { get; } = error;
    public string? Description { get; } = description;

    public bool IsInvalidGrant => Error == "invalid_grant";
    public bool IsRecentlyRefreshed => Status == HttpStatusCode.Conflict;
}
