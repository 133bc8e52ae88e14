using System.Security.Cryptography;

namespace AirtableSync.Web.Security;

// Carried in HttpContext.Items so that App.razor can put it on the inline import map (the one inline script Blazor
// renders) and the CSP can allow exactly that script.
public static class CspNonce
{
    private static readonly object Key = new();

    public static string GetCspNonce(this HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var existing) && existing is string nonce)
        {
            return nonce;
        }
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[Key] = nonce;
        return nonce;
    }
}
