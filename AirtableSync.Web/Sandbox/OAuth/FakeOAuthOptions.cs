namespace AirtableSync.Sandbox.OAuth;

/// <summary>Knobs of the fake OAuth server. Lifetimes follow docs/airtable/public-api.md §1.3.</summary>
public sealed class FakeOAuthOptions
{
    public const string PublicClientId = "sandboxPublicClient";
    public const string ConfidentialClientId = "sandboxConfidentialClient";
    public const string ConfidentialClientSecret = "sandbox-confidential-client-secret";

    /// <summary>Redirect URIs the two sandbox clients accept; the app's own callback on its dev ports by default.</summary>
    public List<Uri> SandboxRedirectUris { get; set; } =
    [
        new("http://localhost:5230/connections/airtable/oauth/callback"),
        new("https://localhost:7139/connections/airtable/oauth/callback"),
    ];

    /// <summary>
    /// Off (Airtable's rule, and the tests'): a redirect URI must equal a registered one exactly. On, for the product's
    /// sandbox only: the sandbox clients also accept a registered URI on any loopback host and port (localhost, 127.0.0.1),
    /// so "Connect with Airtable" works whatever port the app was started on. Never kinder than that: the scheme and the
    /// path still match, and only loopback addresses qualify.
    /// </summary>
    public bool SandboxRedirectsOnAnyLoopbackPort { get; set; }

    /// <summary>Scopes every sandbox client may request (docs/airtable/public-api.md §1.4).</summary>
    public List<string> SandboxScopes { get; set; } =
    [
        "data.records:read", "data.records:write", "data.recordComments:read", "schema.bases:read",
        "webhook:manage", "user.email:read",
    ];

    /// <summary>The account that approves on the consent page unless the form names another (user_id).</summary>
    public string ConsentUserId { get; set; } = "usrSandboxAdmin01";

    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(60);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>
    /// How long a just-rotated refresh token answers 409 instead of invalid_grant. Airtable calls it "a short
    /// grace window" without a number (docs/airtable/public-api.md §1.3), hence configurable; 30 s is a guess.
    /// </summary>
    public TimeSpan DuplicateRefreshGraceWindow { get; set; } = TimeSpan.FromSeconds(30);
}
