using System.Text.Json.Nodes;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Storage;

namespace AirtableSync.Tests.Sync;

/// <summary>A fake Airtable with a synthetic workspace and a granted PAT, plus a data directory for the store.</summary>
internal sealed class SyncFixture : IAsyncDisposable
{
    public const string Token = "patSyncTests00001.secret-value";

    private SyncFixture(FakeAirtableServer fake, string dataDirectory)
    {
        Fake = fake;
        DataDirectory = dataDirectory;
    }

    public FakeAirtableServer Fake { get; }

    public FakeWorkspace Workspace => Fake.State.Workspace;

    public string DataDirectory { get; }

    public static async Task<SyncFixture> StartAsync(SyntheticWorkspaceSpec spec, Action<FakeAirtableOptions>? configure = null)
    {
        var options = new FakeAirtableOptions { SeedSampleWorkspace = false, RequestsPerSecondPerBase = 20 };
        configure?.Invoke(options);
        var fake = await FakeAirtableServer.StartAsync(options, cancellationToken: Xunit.TestContext.Current.CancellationToken);
        SampleWorkspaceGenerator.AddSyntheticWorkspace(fake.State.Workspace, spec);
        var user = fake.State.Users.Collaborators[0];
        fake.State.Tokens.Add(new FakeAccessToken(Token, FakeTokenKind.PersonalAccessToken, user.Id, ["data.records:read", "schema.bases:read"], null));
        fake.State.Workspace.GrantAllBases(Token);
        return new SyncFixture(fake, Directory.CreateTempSubdirectory("airtablesync-sync-").FullName);
    }

    public Task<SyncTestHost> StartHostAsync(IReadOnlyDictionary<string, string?>? settings = null, bool withRevisions = false) =>
        SyncTestHost.StartAsync(DataDirectory, Fake, Token, settings, withRevisions);

    /// <summary>Stores a signed-in airtable.com cookie session, as the browser login would have captured it.</summary>
    public Task SignInWebSessionAsync(SyncTestHost host) => Infrastructure.WebSessionSeeding.SignInAsync(host.Services, Fake);

    /// <summary>Asserts the store's live records equal the fake's, cell for cell (JSON semantics), and nothing else is live.</summary>
    public async Task AssertStoreMirrorsFakeAsync(ISyncStore store)
    {
        foreach (var @base in Workspace.GetBases())
        {
            foreach (var table in Workspace.GetTables(@base.Id))
            {
                var expected = Workspace.GetRecords(@base.Id, table.Id).ToDictionary(r => r.Id, StringComparer.Ordinal);
                var live = await AllRecordsAsync(store, @base.Id, table.Id, includeDeleted: false);
                Assert.Equal(expected.Count, live.Count);
                foreach (var stored in live)
                {
                    Assert.True(expected.TryGetValue(stored.Id, out var record), $"{stored.Id} is live locally but not in Airtable");
                    Assert.Equal(record.CreatedTime, stored.CreatedTime);
                    var cells = new JsonObject(record.Cells.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value.DeepClone())));
                    Assert.True(JsonNode.DeepEquals(cells, JsonNode.Parse(stored.FieldsJson)), $"cells of {stored.Id} differ");
                }
            }
        }
    }

    /// <summary>Every record of a table, read page by page (the store serves at most 1,000 per query).</summary>
    public static async Task<List<StoredRecord>> AllRecordsAsync(ISyncStore store, string baseId, string tableId, bool includeDeleted)
    {
        var all = new List<StoredRecord>();
        while (true)
        {
            var page = await store.QueryRecordsAsync(new RecordQuery(baseId, tableId, Skip: all.Count, Take: 1000, IncludeDeleted: includeDeleted), Xunit.TestContext.Current.CancellationToken);
            all.AddRange(page.Items);
            if (page.Items.Count == 0 || all.Count >= page.TotalCount)
            {
                return all;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Fake.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment after the host stopped; the temp cleaner takes it.
        }
    }
}
