namespace AirtableSync.Sandbox;

/// <summary>An Airtable account of the fake: appears in collaborator cells, revision actors and the login pages.</summary>
/// <param name="MfaSecret">Base32 TOTP secret; null for an account without MFA.</param>
/// <param name="LoginKind">"password" for email+password, "sso" for an SSO-only account (docs/airtable/revision-history.md §5.1).</param>
public sealed record FakeUser(string Id, string Name, string Email, string Password, string? MfaSecret, string LoginKind = "password");

/// <summary>The fake's accounts. Deterministic, so that tests and the sandbox know who is who.</summary>
public sealed class FakeUserDirectory
{
    public const string SandboxEmail = "sandbox@example.com";
    public const string SandboxPassword = "sandbox-password";

    private readonly List<FakeUser> _users =
    [
        new("usrSandboxAdmin01", "Sam Sandbox", SandboxEmail, SandboxPassword, "JBSWY3DPEHPK3PXP"),
        new("usrAdaLovelace001", "Ada Lovelace", "ada@example.com", "ada-password", null),
        new("usrGraceHopper001", "Grace Hopper", "grace@example.com", "grace-password", null),
        new("usrAlanTuring0001", "Alan Turing", "alan@example.com", "alan-password", null),
        new("usrKatherineJ0001", "Katherine Johnson", "katherine@example.com", "katherine-password", null),
        new("usrSsoOnlyUser001", "Sso Person", "sso@example.com", "", null, "sso"),
    ];

    public IReadOnlyList<FakeUser> All => _users;

    /// <summary>The people who edit records in the sample workspace (everyone but the SSO account).</summary>
    public IReadOnlyList<FakeUser> Collaborators => [.. _users.Where(u => u.LoginKind == "password")];

    public FakeUser? FindByEmail(string email) =>
        _users.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    public FakeUser? FindById(string id) => _users.FirstOrDefault(u => u.Id == id);

    public void Add(FakeUser user) => _users.Add(user);
}
