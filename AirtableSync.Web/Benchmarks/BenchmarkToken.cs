using AirtableSync.Sandbox;

namespace AirtableSync.Web.Benchmarks;

/// <summary>The personal access token a benchmark's app reads its fake Airtable with: records and schema of every base.</summary>
internal static class BenchmarkToken
{
    public const string Value = "patBenchmark00001.secret";

    /// <summary>Issues <paramref name="token"/> to the fake's first collaborator, who is returned.</summary>
    public static FakeUser AddTo(FakeAirtableServer fake, string token = Value)
    {
        var user = fake.State.Users.Collaborators[0];
        fake.State.Tokens.Add(new FakeAccessToken(token, FakeTokenKind.PersonalAccessToken, user.Id, ["data.records:read", "schema.bases:read"], null));
        fake.State.Workspace.GrantAllBases(token);
        return user;
    }
}
