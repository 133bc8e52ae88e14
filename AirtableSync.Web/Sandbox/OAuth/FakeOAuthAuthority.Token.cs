using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AirtableSync.Sandbox.OAuth;

public sealed record FakeTokenOutcome(int Status, IReadOnlyDictionary<string, object> Body);

public sealed partial class FakeOAuthAuthority
{
    // Applies every rule of docs/airtable/public-api.md §1.3 to one token request.
    public async Task<FakeTokenOutcome> TokenAsync(IFormCollection form, string? authorizationHeader)
    {
        var grantType = form["grant_type"].Count == 1 ? form["grant_type"].ToString() : null;
        var (client, usedBasic, clientError) = AuthenticateClient(form, authorizationHeader);
        FakeTokenOutcome outcome;
        if (clientError is not null)
        {
            outcome = Error(401, "invalid_client", clientError);
        }
        else if (form.Keys.Any(k => form[k].Count > 1))
        {
            outcome = Error(400, "invalid_request", "A parameter was repeated.");
        }
        else if (client is null)
        {
            outcome = Error(401, "invalid_client", "Client authentication failed.");
        }
        else
        {
            outcome = grantType switch
            {
                "authorization_code" => ExchangeCode(client, form),
                "refresh_token" => Refresh(client, form),
                null => Error(400, "invalid_request", "grant_type is required."),
                _ => Error(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token."),
            };
        }
        lock (_lock)
        {
            _requests.Add(new FakeTokenRequest(grantType, client?.ClientId ?? form["client_id"].ToString(), usedBasic,
                grantType == "refresh_token" ? form["refresh_token"].ToString() : null, outcome.Status, outcome.Body.GetValueOrDefault("error") as string));
        }
        if (outcome.Status == 409 && BeforeConflictResponse is { } hook)
        {
            await hook();
        }
        return outcome;
    }

    private FakeTokenOutcome ExchangeCode(FakeOAuthClient client, IFormCollection form)
    {
        FakeAuthorizationCode? code;
        lock (_lock)
        {
            // Single use even when the exchange below fails (docs/airtable/public-api.md §1.3).
            _codes.Remove(form["code"].ToString(), out code);
        }
        if (code is null)
        {
            return Error(400, "invalid_grant", "The authorization code is invalid or was already used.");
        }
        if (_timeProvider.GetUtcNow() - code.Request.RequestedAt > Options.CodeLifetime)
        {
            return Error(400, "invalid_grant", "The authorization code expired.");
        }
        if (code.Request.Client.ClientId != client.ClientId)
        {
            return Error(400, "invalid_grant", "The authorization code was issued to another client.");
        }
        if (form["redirect_uri"].ToString() != code.Request.RedirectUri.AbsoluteUri)
        {
            return Error(400, "invalid_grant", "redirect_uri differs from the authorize request.");
        }
        var verifier = form["code_verifier"].ToString();
        if (verifier.Length is < 43 or > 128 || !IsOAuthCharset(verifier))
        {
            return Error(400, "invalid_request", "code_verifier must be 43–128 characters from a-z A-Z 0-9 . - _.");
        }
        var challenge = System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        if (challenge != code.Request.CodeChallenge)
        {
            return Error(400, "invalid_grant", "code_verifier does not match the code_challenge.");
        }
        return Issue(client.ClientId, code.UserId, code.Request.Scopes);
    }

    private FakeTokenOutcome Refresh(FakeOAuthClient client, IFormCollection form)
    {
        var refreshToken = form["refresh_token"].ToString();
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (_rotated.TryGetValue(refreshToken, out var rotated) && rotated.ClientId == client.ClientId
                && now - rotated.RotatedAt <= Options.DuplicateRefreshGraceWindow)
            {
                // The exact body of the 409 is not documented (docs/airtable/public-api.md §1.3); clients should key on the status.
                return Error(409, "conflict", "This refresh token was used moments ago; use the tokens that refresh returned.");
            }
            if (!_grants.TryGetValue(refreshToken, out var grant) || grant.ClientId != client.ClientId || grant.RefreshExpiresAt <= now)
            {
                return Error(400, "invalid_grant", "Token has been expired or revoked.");
            }
            var scopes = grant.Scopes;
            if (form["scope"].Count == 1)
            {
                scopes = form["scope"].ToString().Split(' ');
                if (scopes.Any(s => !grant.Scopes.Contains(s)))
                {
                    return Error(400, "invalid_scope", "A refresh may only narrow the granted scopes.");
                }
            }
            // Rotation: the previous access AND refresh token stop working now.
            _grants.Remove(refreshToken);
            _tokens.Revoke(grant.AccessToken);
            _rotated[refreshToken] = new FakeRotatedRefreshToken(client.ClientId, now);
            return Issue(client.ClientId, grant.UserId, scopes);
        }
    }

    private FakeTokenOutcome Issue(string clientId, string userId, IReadOnlyList<string> scopes)
    {
        var now = _timeProvider.GetUtcNow();
        var grant = new FakeRefreshGrant(NewSecret("oart"), NewSecret("oaat"), clientId, userId, scopes, now + Options.RefreshTokenLifetime);
        lock (_lock)
        {
            _grants[grant.RefreshToken] = grant;
        }
        _tokens.Add(new FakeAccessToken(grant.AccessToken, FakeTokenKind.OAuthAccess, userId, scopes, now + Options.AccessTokenLifetime));
        return new FakeTokenOutcome(200, new Dictionary<string, object>
        {
            ["access_token"] = grant.AccessToken,
            ["refresh_token"] = grant.RefreshToken,
            ["token_type"] = "Bearer",
            ["scope"] = string.Join(' ', scopes),
            ["expires_in"] = (long)Options.AccessTokenLifetime.TotalSeconds,
            ["refresh_expires_in"] = (long)Options.RefreshTokenLifetime.TotalSeconds,
        });
    }

    private static FakeTokenOutcome Error(int status, string error, string description) =>
        new(status, new Dictionary<string, object> { ["error"] = error, ["error_description"] = description });
}
