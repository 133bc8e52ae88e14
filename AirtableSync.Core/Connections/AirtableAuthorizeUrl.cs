using Microsoft.AspNetCore.WebUtilities;

namespace AirtableSync.Connections;

// Builds the authorize request of docs/airtable/public-api.md §1.2.
public static class AirtableAuthorizeUrl
{
    public static Uri Build(Uri webBaseUrl, string clientId, IReadOnlyList<string> scopes, PendingAuthorization pending)
    {
        var endpoint = new Uri(webBaseUrl, "/oauth2/v1/authorize").ToString();
        var url = QueryHelpers.AddQueryString(endpoint, new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = pending.RedirectUri.AbsoluteUri,
            ["response_type"] = "code",
            ["scope"] = string.Join(' ', scopes),
            ["state"] = pending.State,
            ["code_challenge"] = Pkce.ComputeChallenge(pending.CodeVerifier),
            ["code_challenge_method"] = "S256",
        });
        return new Uri(url);
    }
}
