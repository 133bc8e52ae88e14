using System.Security.Cryptography;

namespace AirtableSync.Sandbox.WebLogin;

/// <summary>
/// RFC 6238 TOTP (6 digits, 30 s, HMAC-SHA1) as Airtable's authenticator MFA uses it (docs/airtable/revision-history.md §5.2).
/// Written here rather than taken from a package because the fake is its only user and it is 30 lines.
/// </summary>
public static class FakeTotp
{
    private const int StepSeconds = 30;

    public static string Compute(string base32Secret, DateTimeOffset at) =>
        ComputeForStep(Base32Decode(base32Secret), at.ToUnixTimeSeconds() / StepSeconds);

    // Accepts the current code and the one before or after it, for clock drift and slow typing.
    public static bool Verify(string base32Secret, string code, DateTimeOffset at)
    {
        var key = Base32Decode(base32Secret);
        var step = at.ToUnixTimeSeconds() / StepSeconds;
        return Enumerable.Range(-1, 3).Any(offset => ComputeForStep(key, step + offset) == code);
    }

    private static string ComputeForStep(byte[] key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; the fake must match them.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string secret)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var output = new List<byte>();
        foreach (var c in secret.TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The TOTP secret is not base32.");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)((buffer >> bits) & 0xFF));
            }
        }
        return [.. output];
    }
}
