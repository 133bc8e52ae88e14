namespace AirtableSync.Connections;

/// <summary>
/// "Airtable": { "OAuth": { "ClientId": "…", "ClientSecret": null, "RedirectUri": null,
///   "Scopes": "data.records:read schema.bases:read user.email:read",
///   "IncludeRecordComments": false, "IncludeWebhooks": false } }
/// </summary>
public sealed class AirtableOAuthOptions
{
    public const string SectionName = "Airtable:OAuth";

    /// <summary>Null disables the OAuth flow (a personal access token can still be used).</summary>
    public string? ClientId { get; set; }

    /// <summary>Optional: integrations may have no secret; then the client is public and PKCE alone protects the code (docs/airtable/public-api.md §1.3).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Must equal a redirect URI registered at /create/oauth. Null: derived from the request (…/connections/airtable/oauth/callback).</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>Space-separated; a read-only sync needs records and schema; the email names the connection (docs/airtable/public-api.md §1.4).</summary>
    public string Scopes { get; set; } = "data.records:read schema.bases:read user.email:read";

    /// <summary>Adds data.recordComments:read when comment sync is on.</summary>
    public bool IncludeRecordComments { get; set; }

    /// <summary>Adds webhook:manage when webhook-driven sync is on.</summary>
    public bool IncludeWebhooks { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);

    // Unique scopes: Airtable rejects duplicates with invalid_scope (docs/airtable/public-api.md §1.2).
    public IReadOnlyList<string> EffectiveScopes()
    {
        IEnumerable<string> scopes = Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (IncludeRecordComments)
        {
            scopes = scopes.Append("data.recordComments:read");
        }
        if (IncludeWebhooks)
        {
            scopes = scopes.Append("webhook:manage");
        }
        return [.. scopes.Distinct(StringComparer.Ordinal)];
    }
}
