using AirtableSync.Connections;

namespace AirtableSync.Web.Endpoints;

// The redirect_uri the app sends to Airtable: the configured one, else this app's own callback at the address the
// admin reached it on. The Connect page shows the same value, because Airtable only accepts a registered URI character
// for character and otherwise shows its own error page without coming back (docs/airtable/public-api.md §1.2).
public static class OAuthCallbackUrl
{
    public static Uri For(AirtableOAuthOptions options, Uri appBaseUrl) =>
        options.RedirectUri ?? new Uri(new Uri(appBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/"), OAuthEndpoints.CallbackPath.TrimStart('/'));

    public static Uri For(AirtableOAuthOptions options, HttpRequest request) =>
        For(options, new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/"));
}
