using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace AirtableSync.Airtable;

// Typed client for Airtable's public Web API. Pacing, penalty pauses and transient retries live in its one
// resilience pipeline (AirtableResiliencePipeline); here: the bearer token, one refresh-and-retry
// on 401, and turning every other failure into an AirtableApiException.
public sealed partial class AirtableApiClient(
    HttpClient httpClient,
    IAirtableTokenSource tokens,
    IOptions<AirtableResilienceOptions> options,
    ILogger<AirtableApiClient> logger)
{
    // The same client (same pipeline and limiters) acting for another connection's token.
    public AirtableApiClient ForTokenSource(IAirtableTokenSource tokenSource) => new(httpClient, tokenSource, options, logger);

    internal async Task<T> SendAsync<T>(AirtableCall call, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(cancellationToken);
        var response = await SendOnceAsync(call, token, cancellationToken);
        try
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                // docs/airtable/public-api.md §4.3: 401 → refresh then retry once (an OAuth token may have just rotated).
                var rejected = await AirtableError.ReadAsync(response, cancellationToken);
                response.Dispose();
                var fresh = await tokens.RefreshAfterUnauthorizedAsync(token, cancellationToken)
                    ?? throw Unauthorized(call, rejected);
                response = await SendOnceAsync(call, fresh, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    throw Unauthorized(call, await AirtableError.ReadAsync(response, cancellationToken));
                }
            }
            if (!response.IsSuccessStatusCode)
            {
                throw await FailureAsync(call, response, cancellationToken);
            }
            return await ReadAsync(call, response, read, cancellationToken);
        }
        finally
        {
            response.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(AirtableCall call, AirtableAccessToken token, CancellationToken cancellationToken)
    {
        // A stored token that cannot travel in a header (written before it was checked, or damaged) is a connection
        // to re-authorise, said as such, not a FormatException from deep inside HttpClient.
        if (HeaderValueRules.Problem(token.Value) is { } problem)
        {
            throw new AirtableAuthenticationException(
                $"The access token for {call.Endpoint} cannot be sent to Airtable: it {problem}; the connection must be re-authorised.", call.Endpoint);
        }
        using var request = new HttpRequestMessage(call.Method, call.PathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        request.Options.Set(AirtableRequestTags.RateLimitKey, token.RateLimitKey);
        if (call.BaseId is not null)
        {
            request.Options.Set(AirtableRequestTags.BaseId, call.BaseId);
        }
        if (call.JsonBody is not null)
        {
            request.Content = new StringContent(call.JsonBody, Encoding.UTF8, "application/json");
        }
        try
        {
            return await httpClient.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new AirtableApiException($"Airtable could not be reached for {call.Endpoint} after retries: {ex.Message}", call.Endpoint, innerException: ex);
        }
    }

    private static async Task<AirtableApiException> FailureAsync(AirtableCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var error = await AirtableError.ReadAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests && error.Type == AirtableBillingLimitException.ErrorTypeName)
        {
            return new AirtableBillingLimitException(call.Endpoint, error.Message);
        }
        return new AirtableApiException(AirtableApiException.Describe(call.Endpoint, response.StatusCode, error), call.Endpoint, response.StatusCode, error.Type, error.Message);
    }

    private static AirtableAuthenticationException Unauthorized(AirtableCall call, AirtableError error) =>
        new($"Airtable refused the access token for {call.Endpoint} ({error.Type ?? "401"}{(error.Message is { Length: > 0 } m ? ": " + m : "")}); the connection must be re-authorised.",
            call.Endpoint, error.Type, error.Message);

    private static async Task<T> ReadAsync<T>(AirtableCall call, HttpResponseMessage response, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            return read(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or AirtableShapeException or InvalidOperationException or FormatException)
        {
            throw new AirtableApiException($"Airtable's response to {call.Endpoint} could not be read: {ex.Message}", call.Endpoint, response.StatusCode, innerException: ex);
        }
    }
}
