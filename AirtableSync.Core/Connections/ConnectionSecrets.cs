using AirtableSync.Airtable;
using System.Text.Json;

namespace AirtableSync.Connections;

public sealed class ConnectionSecrets(ConnectionSecretProtector protector)
{
    public string ProtectToken(string personalAccessToken) =>
        protector.Protect(ConnectionKind.PersonalAccessToken, personalAccessToken);

    public string ProtectTokenSet(OAuthTokenSet tokens) =>
        protector.Protect(ConnectionKind.OAuth, JsonSerializer.Serialize(tokens));

    public string ReadToken(StoredConnection connection) =>
        protector.Unprotect(ConnectionKind.PersonalAccessToken, connection.ProtectedSecret);

    public OAuthTokenSet ReadTokenSet(StoredConnection connection) =>
        JsonSerializer.Deserialize<OAuthTokenSet>(protector.Unprotect(ConnectionKind.OAuth, connection.ProtectedSecret))
        ?? throw new AirtableAuthenticationException("The stored OAuth token set is empty; reconnect Airtable.");
}
