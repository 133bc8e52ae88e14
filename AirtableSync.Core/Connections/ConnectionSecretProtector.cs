using Microsoft.AspNetCore.DataProtection;

namespace AirtableSync.Connections;

// Encrypts connection secrets before they reach the store (which never sees clear text). One purpose string
// per secret kind, so that a PAT payload can never be unprotected as, say, a cookie jar.
public sealed class ConnectionSecretProtector(IDataProtectionProvider provider)
{
    public string Protect(ConnectionKind kind, string secret) => ProtectorFor(kind).Protect(secret);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The key ring lost the key or the payload was tampered with.</exception>
    public string Unprotect(ConnectionKind kind, string protectedSecret) => ProtectorFor(kind).Unprotect(protectedSecret);

    private IDataProtector ProtectorFor(ConnectionKind kind) => provider.CreateProtector(kind switch
    {
        ConnectionKind.PersonalAccessToken => "AirtableSync.Connections.PersonalAccessToken.v1",
        ConnectionKind.OAuth => "AirtableSync.Connections.OAuthTokenSet.v1",
        ConnectionKind.WebSession => "AirtableSync.Connections.WebSessionCookies.v1",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No protector purpose for this connection kind."),
    });
}
