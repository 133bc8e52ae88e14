using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AirtableSync.Connections;

// PKCE values as Airtable accepts them (docs/airtable/public-api.md §1.2): S256 only, and a verifier drawn from
// [A-Za-z0-9._-] — narrower than RFC 7636, which also allows '~'. Base64url output never contains '~'.
public static class Pkce
{
    public const int MinimumVerifierLength = 43;
    public const int MaximumVerifierLength = 128;

    // 96 random bytes in base64url = 128 characters, as Airtable's own example does.
    public static string CreateVerifier() => OAuthRandom.Create(96);

    public static string ComputeChallenge(string verifier)
    {
        if (!IsValidVerifier(verifier))
        {
            throw new ArgumentException("A PKCE code verifier must be 43–128 characters from A-Z a-z 0-9 . - _.", nameof(verifier));
        }
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
    }

    public static bool IsValidVerifier(string? verifier) =>
        verifier is { Length: >= MinimumVerifierLength and <= MaximumVerifierLength } && OAuthRandom.IsAllowedCharset(verifier);
}
