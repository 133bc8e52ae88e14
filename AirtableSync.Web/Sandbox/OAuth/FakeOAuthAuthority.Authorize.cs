using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace AirtableSync.Sandbox.OAuth;

// A consent page, an error redirect, or an error page (no redirect).
public sealed record FakeAuthorizeOutcome(string? ConsentRequestId, Uri? Redirect, string? PageError, string? ClientId = null, IReadOnlyList<string>? Scopes = null);

public sealed partial class FakeOAuthAuthority
{
    private static readonly string[] AuthorizeParameters =
        ["client_id", "redirect_uri", "response_type", "scope", "state", "code_challenge", "code_challenge_method"];

    // In Airtable's order: client and redirect first (no redirect when wrong), then the rest via redirect.
    public FakeAuthorizeOutcome Authorize(IQueryCollection query)
    {
        var client = FindClient(query["client_id"]);
        if (client is null || query["client_id"].Count != 1)
        {
            return new(null, null, "Unknown client_id: this integration does not exist.");
        }
        // Exact string match against the registration, as Airtable requires (docs/airtable/public-api.md §1.2).
        var rawRedirect = query["redirect_uri"].ToString();
        if (query["redirect_uri"].Count != 1 || !Uri.TryCreate(rawRedirect, UriKind.Absolute, out var redirect)
            || !client.RedirectUris.Any(r => r.AbsoluteUri == rawRedirect || SameCallbackOnAnotherLoopbackPort(client, r, redirect)))
        {
            return new(null, null, "redirect_uri does not match a redirect URI registered for this integration.");
        }
        var state = query["state"].Count == 1 ? query["state"].ToString() : null;
        FakeAuthorizeOutcome Fail(string error, string description) => new(null, ErrorRedirect(redirect, error, description, state), null);

        if (AuthorizeParameters.Any(p => query[p].Count > 1))
        {
            return Fail("invalid_request", "A parameter was repeated.");
        }
        if (query["response_type"] != "code")
        {
            return Fail("unsupported_response_type", "response_type must be code.");
        }
        var scopes = query["scope"].ToString().Split(' ');
        if (scopes.Length == 0 || scopes.Any(s => s.Length == 0) || scopes.Distinct(StringComparer.Ordinal).Count() != scopes.Length
            || scopes.Any(s => !client.Scopes.Contains(s)))
        {
            return Fail("invalid_scope", "scope must be a space-separated list of unique scopes enabled on this integration.");
        }
        if (query["code_challenge_method"] != "S256")
        {
            return Fail("invalid_request", "code_challenge_method must be S256.");
        }
        var challenge = query["code_challenge"].ToString();
        if (challenge.Length != 43 || !IsOAuthCharset(challenge))
        {
            return Fail("invalid_request", "code_challenge must be the base64url SHA-256 of the code verifier.");
        }
        if (state is not null && (state.Length is < 16 or > 1024 || !IsOAuthCharset(state)))
        {
            return Fail("invalid_request", "state must be 16–1024 characters from a-z A-Z 0-9 . - _.");
        }
        var consent = new FakeConsentRequest(NewSecret("consent"), client, redirect, scopes, state, challenge, _timeProvider.GetUtcNow());
        lock (_lock)
        {
            _consents[consent.Id] = consent;
        }
        return new(consent.Id, null, null, client.ClientId, scopes);
    }

    // Null when the consent request is unknown or already decided.
    public Uri? Decide(string? consentRequestId, bool approve, string? userId)
    {
        FakeConsentRequest? consent;
        lock (_lock)
        {
            if (consentRequestId is null || !_consents.Remove(consentRequestId, out consent))
            {
                return null;
            }
        }
        if (!approve)
        {
            return ErrorRedirect(consent.RedirectUri, "access_denied", "The user denied access to the integration.", consent.State);
        }
        var code = new FakeAuthorizationCode(NewSecret("code"), consent, userId ?? Options.ConsentUserId);
        lock (_lock)
        {
            _codes[code.Code] = code;
        }
        return WithQuery(consent.RedirectUri, new() { ["code"] = code.Code, ["state"] = consent.State });
    }

    private static Uri ErrorRedirect(Uri redirect, string error, string description, string? state) =>
        WithQuery(redirect, new() { ["error"] = error, ["error_description"] = description, ["state"] = state });

    private static Uri WithQuery(Uri redirect, Dictionary<string, string?> parameters) =>
        new(QueryHelpers.AddQueryString(redirect.AbsoluteUri, parameters.Where(p => p.Value is not null)));

    internal static bool IsOAuthCharset(string value) => value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private bool SameCallbackOnAnotherLoopbackPort(FakeOAuthClient client, Uri registered, Uri requested) =>
        Options.SandboxRedirectsOnAnyLoopbackPort
        && client.ClientId is FakeOAuthOptions.PublicClientId or FakeOAuthOptions.ConfidentialClientId
        && requested.IsLoopback && registered.IsLoopback
        && requested.Scheme == registered.Scheme
        && requested.AbsolutePath == registered.AbsolutePath
        && requested.Query.Length == 0 && requested.Fragment.Length == 0;
}
