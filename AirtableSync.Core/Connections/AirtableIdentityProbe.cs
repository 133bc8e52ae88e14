using AirtableSync.Airtable;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace AirtableSync.Connections;

// Who a token belongs to, from GET /v0/meta/whoami (docs/airtable/public-api.md §1.5).
public sealed record AirtableIdentity(string UserId, string? Email, IReadOnlyList<string> Scopes);

// Asks whoami about a CANDIDATE token, before it becomes a connection. The main API client cannot do this:
// it always authenticates through the token source, i.e. with the connection already saved.
public sealed class AirtableIdentityProbe(HttpClient http)
{
    /// <exception cref="AirtableAuthenticationException">Airtable rejected the token (401/403), or it cannot be sent in a header at all.</exception>
    public async Task<AirtableIdentity> WhoAmIAsync(string token, CancellationToken cancellationToken = default)
    {
        // The last guard before the wire: HttpClient would fail on such a value with an error naming no field.
        if (HeaderValueRules.Problem(token) is { } problem)
        {
            throw new AirtableAuthenticationException($"The token cannot be sent to Airtable: it {problem}.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v0/meta/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new AirtableAuthenticationException("Airtable rejected the token (it is wrong, revoked or expired).");
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Airtable's whoami answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
        var body = await response.Content.ReadFromJsonAsync<WhoAmIResponse>(cancellationToken);
        if (body?.Id is not { Length: > 0 } id)
        {
            throw new HttpRequestException("Airtable's whoami answered without a user id.");
        }
        return new AirtableIdentity(id, body.Email, body.Scopes ?? []);
    }

    private sealed record WhoAmIResponse(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("email")] string? Email,
        [property: JsonPropertyName("scopes")] IReadOnlyList<string>? Scopes);
}
