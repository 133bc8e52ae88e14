namespace AirtableSync.Web.Components.Pages.Account;

// Only paths of this app are followed after sign-in: an absolute or protocol-relative URL would be an open redirect.
public static class LocalReturnUrl
{
    public static string Or(string? returnUrl, string fallback = "/") =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal) && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : fallback;
}
