using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace AirtableSync.Connections;

// Typed client for POST {WebBaseUrl}/oauth2/v1/token (docs/airtable/public-api.md §1.3): form-urlencoded; HTTP Basic
// when the integration has a secret (and then no secret in the body), client_id in the body otherwise.
public sealed class OAuthTokenClient(HttpClient http, IOptions<AirtableOAuthOptions> options, TimeProvider timeProvider)
{
    public Task<OAuthTokenSet> ExchangeCodeAsync(string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken = default) =>
        SendAsync(
            [
                new("grant_type", "authorization_code"),
                new("code", code),
                new("redirect_uri", redirectUri.AbsoluteUri),
                new("code_verifier", codeVerifier),
            ],
            cancellationToken);

    public Task<OAuthTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default) =>
        SendAsync([new("grant_type", "refresh_token"), new("refresh_token", refreshToken)], cancellationToken);

    private async Task<OAuthTokenSet> SendAsync(List<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var clientId = settings.ClientId ?? throw new InvalidOperationException("Airtable:OAuth:ClientId is not configured.");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth2/v1/token");
        if (string.IsNullOrEmpty(settings.ClientSecret))
        {
            fields.Add(new("client_id", clientId));
        }
        else
        {
            // Standard base64, as Airtable's own example sends it (docs/airtable/public-api.md §1.3).
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{settings.ClientSecret}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
        request.Content = new FormUrlEncodedContent(fields);

        var requestedAt = timeProvider.GetUtcNow();
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ReadErrorAsync(response, cancellationToken);
        }
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
            ?? throw new OAuthTokenEndpointException(response.StatusCode, "invalid_response", "empty body");
        if (string.IsNullOrEmpty(body.AccessToken) || string.IsNullOrEmpty(body.RefreshToken))
        {
            throw new OAuthTokenEndpointException(response.StatusCode, "invalid_response", "access_token or refresh_token missing");
        }
        // Expiry counted from when we asked, so that network time errs on the early side.
        return new OAuthTokenSet(
            body.AccessToken,
            body.RefreshToken,
            requestedAt.AddSeconds(body.ExpiresIn ?? 3600),
            body.RefreshExpiresIn is { } refreshSeconds ? requestedAt.AddSeconds(refreshSeconds) : null,
            (body.Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static async Task<OAuthTokenEndpointException> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var error = JsonSerializer.Deserialize<ErrorResponse>(text);
            if (error?.Error is { Length: > 0 } code)
            {
                return new OAuthTokenEndpointException(response.StatusCode, code, error.Description);
            }
        }
        catch (JsonException)
        {
            // Not the documented shape; fall through with the status alone (the body may echo secrets, so it is not kept).
        }
        var fallback = response.StatusCode == System.Net.HttpStatusCode.Conflict ? "recently_refreshed" : "unexpected_response";
        return new OAuthTokenEndpointException(response.StatusCode, fallback, null);
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("token_type")] string? TokenType,
        [property: JsonPropertyName("scope")] string? Scope,
        [property: JsonPropertyName("expires_in")] long? ExpiresIn,
        [property: JsonPropertyName("refresh_expires_in")] long? RefreshExpiresIn);

    private sealed record ErrorResponse(
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? Description);
}
