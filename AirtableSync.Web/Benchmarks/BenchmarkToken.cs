using AirtableSync.Sandbox;

namespace AirtableSync.Web.Benchmarks;

// Its scopes read records and schema of every base of the benchmark's fake Airtable.
internal static class BenchmarkToken
{
    public const string Value = "patBenchmark00001.secret";

    public static FakeUser AddTo(FakeAirtableServer fake, string token = Value)
    {
        var user = fake.State.Users.Collaborators[0];
        fake.State.Tokens.Add(new FakeAccessToken(token, FakeTokenKind.PersonalAccessToken, user.Id, ["data.records:read", "schema.bases:read"], null));
        fake.State.Workspace.GrantAllBases(token);
        return user;
    }
}
