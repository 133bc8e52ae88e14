using System.Net;

namespace AirtableSync.Airtable;

/// <summary>
/// 429 PUBLIC_API_BILLING_LIMIT_EXCEEDED: the workspace's monthly API call quota is spent. Never retried —
/// it lasts until the month resets or the plan is upgraded, and SDKs that retry it hang (docs/airtable/public-api.md §4.2, §7 #7).
/// </summary>
public sealed class AirtableBillingLimitException : AirtableApiException, Jobs.IFailFastException
{
    public const string ErrorTypeName = "PUBLIC_API_BILLING_LIMIT_EXCEEDED";

    public AirtableBillingLimitException(string endpoint, string? airtableMessage)
        : base(
            $"The Airtable workspace's monthly API call quota is spent ({ErrorTypeName} on {endpoint}); "
            + "no more API calls succeed until the quota resets on the 1st of the month or the workspace's plan is upgraded.",
            endpoint, HttpStatusCode.TooManyRequests, ErrorTypeName, airtableMessage)
    {
    }

    public AirtableBillingLimitException()
        : this("", (string?)null)
    {
    }

    public AirtableBillingLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
