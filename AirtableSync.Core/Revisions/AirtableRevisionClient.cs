using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using AirtableSync.WebSession;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AirtableSync.Revisions;

/// <summary>
/// Reads a record's history from Airtable's internal <c>readRowActivitiesAndComments</c> endpoint with the
/// session cookies, exactly as revision-history.md §2.6 recommends. Throttling (403/429/503) is backed off on the
/// same cookies first; an HTML page, a redirect to /login or a 401 means the session is gone (§3.3, §5.7).
/// The HttpClient must not follow redirects and must not keep cookies of its own.
/// </summary>
public sealed class AirtableRevisionClient(
    HttpClient http,
    RevisionRateLimiter limiter,
    IOptions<RevisionOptions> options,
    TimeProvider timeProvider,
    ILogger<AirtableRevisionClient> logger)
{
    /// <summary>Fetches one page; returns the raw JSON envelope. <paramref name="offsetV2"/> is null for the newest page.</summary>
    public async Task<string> ReadPageAsync(AirtableWebSession session, string baseId, string recordId, string? offsetV2, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await limiter.AcquireAsync(baseId, cancellationToken);
            using var request = BuildRequest(session, baseId, recordId, offsetV2);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var outcome = RevisionResponseClassifier.Classify(response, body);
            switch (outcome)
            {
                case RevisionResponseKind.Success:
                    return body;
                case RevisionResponseKind.SessionExpired:
                    throw new WebSessionReloginRequiredException("Airtable's web session has expired (the revision endpoint asked to sign in again); log in again.");
                case RevisionResponseKind.Throttled when attempt < options.Value.MaxThrottleRetries:
                    var delay = Backoff(attempt, response.Headers.RetryAfter?.Delta, options.Value.MaxThrottleBackoff);
                    logger.LogInformation("Revision endpoint throttled {Status} for base {BaseId}; backing off {Delay}", (int)response.StatusCode, baseId, delay);
                    await Task.Delay(delay, timeProvider, cancellationToken);
                    continue;
                case RevisionResponseKind.Throttled:
                    throw new RevisionThrottledException($"Airtable kept throttling the revision endpoint ({(int)response.StatusCode}) after {attempt} backoffs.");
                default:
                    throw new RevisionPayloadException($"Airtable answered {(int)response.StatusCode} to the revision request for {recordId}: {Describe(body)}");
            }
        }
    }

    private HttpRequestMessage BuildRequest(AirtableWebSession session, string baseId, string recordId, string? offsetV2)
    {
        var parameters = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["limit"] = options.Value.PageSize,
            ["offsetV2"] = offsetV2,
            ["shouldReturnDeserializedActivityItems"] = true,
            ["shouldIncludeRowActivityOrCommentUserObjById"] = true,
        });
        var uri = $"/v0.3/row/{Uri.EscapeDataString(recordId)}/readRowActivitiesAndComments?stringifiedObjectParams={Uri.EscapeDataString(parameters)}&requestId=req{RandomId()}";
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        session.ApplyTo(request);
        request.Headers.TryAddWithoutValidation("x-airtable-application-id", baseId);
        request.Headers.TryAddWithoutValidation("x-airtable-inter-service-client", "webClient");
        request.Headers.TryAddWithoutValidation("x-airtable-page-load-id", "pgl" + RandomId());
        request.Headers.TryAddWithoutValidation("x-requested-with", "XMLHttpRequest");
        // A fixed zone keeps dates inside diffRowHtml stable across machines (§2.3: x-time-zone probably drives them).
        request.Headers.TryAddWithoutValidation("x-time-zone", "UTC");
        request.Headers.TryAddWithoutValidation("x-user-locale", "en");
        request.Headers.TryAddWithoutValidation("accept", "application/json, text/javascript, */*; q=0.01");
        return request;
    }

    // min(cap, 1 s·2ⁿ) + ≤0.5 s jitter, as revision-history.md §7 reports working; Retry-After wins when given.
    private static TimeSpan Backoff(int attempt, TimeSpan? retryAfter, TimeSpan cap) => retryAfter ?? TimeSpan.FromMilliseconds(
        Math.Min(cap.TotalMilliseconds, 1000 * Math.Pow(2, attempt)) + RandomNumberGenerator.GetInt32(0, 500));

    private static string RandomId() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 14);

    private static string Describe(string body) => body.Length > 200 ? body[..200] + "…" : body;
}
