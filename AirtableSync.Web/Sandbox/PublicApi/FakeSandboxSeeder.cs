namespace AirtableSync.Sandbox.PublicApi;

/// <summary>Fills a fresh state with the sandbox's sample workspace and a well-known personal access token.</summary>
public static class FakeSandboxSeeder
{
    /// <summary>The sandbox PAT, acting as <see cref="FakeUserDirectory.SandboxEmail"/>'s user with every read scope.</summary>
    public const string SandboxToken = "patSandbox0000001.sandbox";

    public static readonly IReadOnlyList<string> SandboxScopes =
        ["data.records:read", "data.recordComments:read", "schema.bases:read", "user.email:read", "webhook:manage"];

    public static void Seed(FakeAirtableState state)
    {
        var user = state.Users.FindByEmail(FakeUserDirectory.SandboxEmail)
            ?? throw new InvalidOperationException("The sandbox user is missing from the user directory.");
        SampleWorkspaceGenerator.AddSampleWorkspace(state.Workspace, state.Users, state.Options.Seed);
        state.Tokens.Add(new FakeAccessToken(SandboxToken, FakeTokenKind.PersonalAccessToken, user.Id, SandboxScopes, ExpiresAt: null));
    }
}
