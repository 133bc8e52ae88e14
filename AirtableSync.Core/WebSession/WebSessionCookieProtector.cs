using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace AirtableSync.WebSession;

// Encrypts the cookie jar for storage with Data Protection. Kept local to this feature so the login did not
// wait for Connections' ConnectionSecretProtector; to be unified with it (same provider, own purpose string).
public sealed class WebSessionCookieProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "AirtableSync.WebSession.Cookies";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(AirtableWebSession session) =>
        _protector.Protect(JsonSerializer.Serialize(new Payload(session.Cookies, session.UserAgent, session.AirtableUserId, session.CapturedAt)));

    /// <exception cref="WebSessionReloginRequiredException">The secret cannot be read (key ring lost or rotated out).</exception>
    public AirtableWebSession Unprotect(string protectedSecret, DateTimeOffset? validatedAt)
    {
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(protectedSecret))
                ?? throw new WebSessionReloginRequiredException("The stored web session is empty; log in again.");
            return new AirtableWebSession(payload.Cookies, payload.UserAgent, payload.UserId, payload.CapturedAt, validatedAt);
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            throw new WebSessionReloginRequiredException("The stored web session cannot be decrypted; log in again.", e);
        }
    }

    private sealed record Payload(IReadOnlyList<WebSessionCookie> Cookies, string UserAgent, string? UserId, DateTimeOffset CapturedAt);
}
