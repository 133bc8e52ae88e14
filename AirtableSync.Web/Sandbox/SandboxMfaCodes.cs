using AirtableSync.Sandbox;
using AirtableSync.Sandbox.WebLogin;

namespace AirtableSync.Web.Sandbox;

// The simulated Airtable's current 2FA code for one of its users, for the browser-login wizard to show. Without it
// a newcomer cannot finish the sandbox's login: the simulated Airtable's own code page exists only inside the app's
// background browser. Registered only when the sandbox runs, so real Airtable logins never see it.
public sealed class SandboxMfaCodes(Func<FakeAirtableState> sandbox)
{
    // Null for an address the sandbox does not know, or a user without 2FA.
    public string? CurrentCodeFor(string? email)
    {
        var state = sandbox();
        return email is null || state.Users.FindByEmail(email.Trim()) is not { MfaSecret: { } secret }
            ? null
            : FakeTotp.Compute(secret, state.TimeProvider.GetUtcNow());
    }
}
