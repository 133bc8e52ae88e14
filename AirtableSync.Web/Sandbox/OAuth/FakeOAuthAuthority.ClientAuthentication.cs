using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AirtableSync.Sandbox.OAuth;

public sealed partial class FakeOAuthAuthority
{
    // Basic is required iff the client has a secret; a secret for a secret-less client, or differing ids, are invalid_client.
    private (FakeOAuthClient? Client, bool UsedBasic, string? Error) AuthenticateClient(IFormCollection form, string? header)
    {
        var bodyClientId = form["client_id"].Count == 1 ? form["client_id"].ToString() : null;
        if (form.ContainsKey("client_secret"))
        {
            return (null, false, "Send the client secret with HTTP Basic authentication, not in the body.");
        }
        if (header is null)
        {
            var publicClient = FindClient(bodyClientId);
            return publicClient switch
            {
                null => (null, false, "Unknown or missing client_id."),
                { ClientSecret: not null } => (null, false, "This integration has a client secret: authenticate with HTTP Basic."),
                _ => (publicClient, false, null),
            };
        }
        if (!AuthenticationHeaderValue.TryParse(header, out var parsed) || parsed.Scheme != "Basic" || !TryDecodeBasic(parsed.Parameter, out var id, out var secret))
        {
            return (null, true, "Malformed Authorization header.");
        }
        var client = FindClient(id);
        if (client is null)
        {
            return (null, true, "Unknown client_id.");
        }
        if (client.ClientSecret is null)
        {
            return (null, true, "This integration has no client secret: do not send one.");
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(client.ClientSecret), Encoding.UTF8.GetBytes(secret)))
        {
            return (null, true, "Wrong client secret.");
        }
        if (bodyClientId is not null && bodyClientId != id)
        {
            return (null, true, "client_id differs between the Authorization header and the body.");
        }
        return (client, true, null);
    }

    private static bool TryDecodeBasic(string? parameter, out string id, out string secret)
    {
        id = secret = "";
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter ?? ""));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return false;
            }
            (id, secret) = (decoded[..colon], decoded[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
