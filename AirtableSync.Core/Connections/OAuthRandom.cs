using System.Buffers.Text;
using System.Security.Cryptography;

namespace AirtableSync.Connections;

// Cryptographically random strings in Airtable's OAuth charset [A-Za-z0-9._-] (docs/airtable/public-api.md §1.2).
public static class OAuthRandom
{
    public static string Create(int byteCount) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(byteCount));

    public static bool IsAllowedCharset(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
