using System.Net;

namespace AirtableSync.Revisions;

public enum RevisionResponseKind { Success, SessionExpired, Throttled, Error }

// What an answer of the internal endpoint means (docs/airtable/revision-history.md §3.3, §7).
public static class RevisionResponseClassifier
{
    public static RevisionResponseKind Classify(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? "";
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (status is >= 300 and < 400 && location.Contains("/login", StringComparison.OrdinalIgnoreCase))
        {
            return RevisionResponseKind.SessionExpired;
        }
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return RevisionResponseKind.SessionExpired;
        }
        // A 403 naming INVALID_PERMISSIONS is a per-item permission error, not throttling (§7).
        if (response.StatusCode == HttpStatusCode.Forbidden && body.Contains("INVALID_PERMISSIONS", StringComparison.Ordinal))
        {
            return RevisionResponseKind.Error;
        }
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        {
            return RevisionResponseKind.Throttled;
        }
        if (response.IsSuccessStatusCode && (mediaType.Contains("html", StringComparison.OrdinalIgnoreCase) || body.TrimStart().StartsWith('<')))
        {
            // 200 with the sign-in page instead of JSON: the cookies no longer sign in.
            return RevisionResponseKind.SessionExpired;
        }
        return response.IsSuccessStatusCode ? RevisionResponseKind.Success : RevisionResponseKind.Error;
    }
}
