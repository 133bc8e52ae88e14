using System.ComponentModel.DataAnnotations;

namespace AirtableSync.Web.Security;

public sealed class SecurityOptions : IValidatableObject
{
    public const string SectionName = "Security";

    /// <summary>Any request body (Blazor form posts included). Kestrel answers 413 beyond it.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>REST API bodies are small JSON documents (a token, a list of base ids), so they get a tighter limit.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxApiRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Largest SignalR message the server accepts from a browser (Blazor's circuit). 32 KB is SignalR's default; the
    /// app sends no files over the circuit, so there is no reason to raise it.
    /// </summary>
    [Range(1024, 1024 * 1024)]
    public long MaxHubMessageBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// "no-referrer" by default: record pages carry base, table and record ids in their URLs, and links lead to
    /// airtable.com; nothing in the app needs the Referer header (antiforgery uses its token, not the Referer).
    /// </summary>
    public string ReferrerPolicy { get; set; } = "no-referrer";

    /// <summary>
    /// Origins besides the app's own that forms may be submitted to. Empty by default: "Connect with Airtable" is a
    /// link (a GET navigation) to /connections/airtable/oauth/start, which form-action does not govern; add Airtable's
    /// authorize origin here only if the start is ever made a form post, since Chromium applies form-action to
    /// the redirects that follow a form submission.
    /// </summary>
    public IReadOnlyList<string> FormActionOrigins { get; set; } = [];

    private static readonly string[] ReferrerPolicies =
        ["no-referrer", "no-referrer-when-downgrade", "origin", "origin-when-cross-origin", "same-origin", "strict-origin", "strict-origin-when-cross-origin"];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ReferrerPolicies.Contains(ReferrerPolicy, StringComparer.Ordinal))
        {
            yield return new ValidationResult(
                $"Security:ReferrerPolicy '{ReferrerPolicy}' is not one of {string.Join(", ", ReferrerPolicies)} (unsafe-url is refused: it leaks full URLs).",
                [nameof(ReferrerPolicy)]);
        }
        foreach (var origin in FormActionOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || uri.GetLeftPart(UriPartial.Authority) != origin.TrimEnd('/'))
            {
                yield return new ValidationResult(
                    $"Security:FormActionOrigins entry '{origin}' is not an origin such as https://airtable.com (scheme and host, no path).",
                    [nameof(FormActionOrigins)]);
            }
        }
        if (MaxApiRequestBodyBytes > MaxRequestBodyBytes)
        {
            yield return new ValidationResult("Security:MaxApiRequestBodyBytes cannot exceed Security:MaxRequestBodyBytes.", [nameof(MaxApiRequestBodyBytes)]);
        }
    }
}
