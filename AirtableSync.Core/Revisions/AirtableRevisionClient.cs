using System.Security.Cryptography;
using System.Text.Json;
using AirtableSync.WebSession;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AirtableSync.Revisions;

// Reads a record's history from Airtable's internal readRowActivitiesAndComments endpoint with the
// session cookies, exactly as docs/airtable/revision-history.md §2.6 recommends. Pacing and the backoff of throttled answers
// (403/429/503, on the same cookies first) live in the typed client's pipeline (RevisionResiliencePipeline);
// here an HTML page, a redirect to /login or a 401 means the session is gone (§3.3, §5.7), and an answer that is not
// JSON fails the record. The HttpClient must not follow redirects and must not keep cookies of its own.
public sealed class AirtableRevisionClient(
    HttpClient http,
    IOptions<RevisionOptions> options,
    ILogger<AirtableRevisionClient> logger)
{
    /// <summary>Fetches one page; returns the raw JSON envelope. <paramref name="offsetV2"/> is null for the newest page.</summary>
    /// <exception cref="WebSessionReloginRequiredException">The cookies no longer sign in.</exception>
    /// <exception cref="RevisionThrottledException">Still throttled after the pipeline's backoffs.</exception>
    /// <exception cref="RevisionPayloadException">An error answer, or a body that is not JSON.</exception>
    public async Task<string> ReadPageAsync(AirtableWebSession session, string baseId, string recordId, string? offsetV2, CancellationToken cancellationToken)
    {
        using var request = BuildRequest(session, baseId, recordId, offsetV2);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await RevisionResponseBody.ReadAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        switch (RevisionResponseClassifier.Classify(response, body.Text))
        {
            case RevisionResponseKind.Success when body.IsText:
                return body.Text;
            case RevisionResponseKind.Success:
                logger.LogWarning("Revision endpoint answered {ContentType} ({ByteCount} bytes) for record {RecordId} of base {BaseId}, not JSON; its history is not read.",
                    body.MediaType ?? "(no content type)", body.ByteCount, recordId, baseId);
                throw new RevisionPayloadException(
                    $"Airtable answered the revision request for {recordId} with {body.MediaType ?? "an untyped binary body"} ({body.ByteCount} bytes) instead of JSON; its history was not read.");
            case RevisionResponseKind.SessionExpired:
                throw new WebSessionReloginRequiredException("Airtable's web session has expired (the revision endpoint asked to sign in again); log in again.");
            case RevisionResponseKind.Throttled:
                throw new RevisionThrottledException($"Airtable kept throttling the revision endpoint ({status}) after {options.Value.MaxThrottleRetries} backoffs.");
            default:
                throw new RevisionPayloadException($"Airtable answered {status} to the revision request for {recordId}: {body.Describe()}");
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
        request.Options.Set(RevisionResiliencePipeline.BaseId, baseId);
        session.ApplyTo(request);
        request.Headers.TryAddWithoutValidation("x-airtable-application-id", baseId);
        request.Headers.TryAddWithoutValidation("x-airtable-inter-service-client", "webClient");
        request.Headers.TryAddWithoutValidation("x-airtable-page-load-id", "pgl" + RandomId());
        request.Headers.TryAddWithoutValidation("x-requested-with", "XMLHttpRequest");
        // A fixed zone keeps dates inside diffRowHtml stable across machines (§2.3: x-time-zone probably drives them).
        request.Headers.TryAddWithoutValidation("x-time-zone", "UTC");
        request.Headers.TryAddWithoutValidation("x-user-locale", "en");
        // JSON only: MessagePack is what x-airtable-accept-msgpack would ask for, and it is never sent (§2.3).
        request.Headers.TryAddWithoutValidation("accept", "application/json, text/javascript, */*; q=0.01");
        return request;
    }

    private static string RandomId() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 14);
}
