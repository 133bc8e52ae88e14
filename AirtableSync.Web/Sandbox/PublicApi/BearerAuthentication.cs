using Microsoft.AspNetCore.Http;

namespace AirtableSync.Sandbox.PublicApi;

// Bearer tokens only (docs/airtable/public-api.md §1.1): the legacy api_key query parameter is refused, not ignored.
internal static class BearerAuthentication
{
    public static FakeAccessToken Authenticate(HttpRequest request, FakeAccessTokens tokens)
    {
        if (request.Query.ContainsKey("api_key"))
        {
            throw PublicApiError.AuthenticationRequired("API keys in the api_key query parameter are no longer supported. Use a bearer token.");
        }
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || header.Length == "Bearer ".Length)
        {
            throw PublicApiError.AuthenticationRequired("Authentication required");
        }
        return tokens.Find(header["Bearer ".Length..].Trim())
            ?? throw PublicApiError.AuthenticationRequired("Invalid authentication token");
    }
}
