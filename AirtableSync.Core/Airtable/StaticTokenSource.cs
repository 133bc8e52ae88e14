using System.Security.Cryptography;
using System.Text;

namespace AirtableSync.Airtable;

// A fixed token, e.g. a personal access token from configuration. A PAT cannot be refreshed, so a 401
// ends the call as an authentication failure.
public sealed class StaticTokenSource(AirtableAccessToken token) : IAirtableTokenSource
{
    // The rate-limit key is a hash prefix: it tells tokens apart in the limiter and logs without revealing them.
    public static StaticTokenSource ForPersonalAccessToken(string personalAccessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personalAccessToken);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(personalAccessToken));
        return new StaticTokenSource(new AirtableAccessToken(personalAccessToken, "pat:" + Convert.ToHexStringLower(hash)[..16]));
    }

    public ValueTask<AirtableAccessToken> GetAccessTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(token);

    public ValueTask<AirtableAccessToken?> RefreshAfterUnauthorizedAsync(AirtableAccessToken rejected, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<AirtableAccessToken?>(null);
}

// Registered when neither a PAT is configured nor a connection source replaced it: every call fails as unauthenticated.
internal sealed class MissingTokenSource : IAirtableTokenSource
{
    public ValueTask<AirtableAccessToken> GetAccessTokenAsync(CancellationToken cancellationToken = default) =>
        throw new AirtableAuthenticationException("No Airtable connection: set Airtable:PersonalAccessToken or connect an Airtable account.");

    public ValueTask<AirtableAccessToken?> RefreshAfterUnauthorizedAsync(AirtableAccessToken rejected, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<AirtableAccessToken?>(null);
}
