using AirtableSync.Tests.Infrastructure;
using System.Text.Json.Nodes;
using AirtableSync.Jobs;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Storage;
using AirtableSync.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Sync;

public sealed class RecordSyncTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullSyncCopiesEveryBaseTableAndRecordExactly()
    {
        await using var fixture = await SyncFixture.StartAsync(new SyntheticWorkspaceSpec(Bases: 2, TablesPerBase: 2, RecordsPerTable: 230));
        await using var host = await fixture.StartHostAsync();

        var job = await host.RunSyncAsync(new SyncRequest());

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(2, (await host.Store.ListBasesAsync(Ct)).Count);
        await fixture.AssertStoreMirrorsFakeAsync(host.Store);
        Assert.All(await host.Store.ListBasesAsync(Ct), b => Assert.NotNull(b.LastSyncedAt));
    }

    [Fact]
    public async Task RerunningAFullSyncRewritesNothing()
    {
        await using var fixture = await SyncFixture.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 2, RecordsPerTable: 150));
        await using var host = await fixture.StartHostAsync();
        await host.RunSyncAsync(new SyncRequest());
        var before = await AllRecordsAsync(host.Store, fixture);

        var second = await host.RunSyncAsync(new SyncRequest());

        Assert.Equal(JobStatus.Succeeded, second.Status);
        var after = await AllRecordsAsync(host.Store, fixture);
        Assert.Equal(before.Count, after.Count);
        foreach (var record in before)
        {
            var again = after.Single(r => r.Id == record.Id);
            Assert.Equal(record.UpdatedAt, again.UpdatedAt);
            Assert.Equal(record.FieldsJson, again.FieldsJson);
            Assert.Equal(record.FirstSeenAt, again.FirstSeenAt);
        }
    }

    [Fact]
    public async Task RecordsDeletedInAirtableBecomeTombstonesOnlyAfterAFullScan()
    {
        await using var fixture = await SyncFixture.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 1, RecordsPerTable: 120));
        await using var host = await fixture.StartHostAsync();
        await host.RunSyncAsync(new SyncRequest());
        var @base = fixture.Workspace.GetBases()[0];
        var table = fixture.Workspace.GetTables(@base.Id)[0];
        var deleted = fixture.Workspace.GetRecords(@base.Id, table.Id)[7].Id;
        fixture.Workspace.DeleteRecord(@base.Id, table.Id, deleted);

        await host.RunSyncAsync(new SyncRequest(), JobKind.IncrementalSync);
        Assert.False((await host.Store.GetRecordAsync(deleted, Ct))!.IsDeleted);

        await host.RunSyncAsync(new SyncRequest(), JobKind.FullSync);
        var tombstone = await host.Store.GetRecordAsync(deleted, Ct);
        Assert.NotNull(tombstone);
        Assert.True(tombstone.IsDeleted);
        await fixture.AssertStoreMirrorsFakeAsync(host.Store);
    }

    [Fact]
    public async Task AFullSyncRowThatAnEarlierVersionStoredForAnIncrementalSyncResumesAsAFullSync()
    {
        await using var fixture = await SyncFixture.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 1, RecordsPerTable: 30));
        await using var host = await fixture.StartHostAsync();
        await host.RunSyncAsync(new SyncRequest());
        var @base = fixture.Workspace.GetBases()[0];
        var table = fixture.Workspace.GetTables(@base.Id)[0];
        var deleted = fixture.Workspace.GetRecords(@base.Id, table.Id)[3].Id;
        fixture.Workspace.DeleteRecord(@base.Id, table.Id, deleted);
        // Before JobKind.IncrementalSync, an incremental sync was a FullSync row whose parameters said "mode": 1.
        var stoppedAt = DateTimeOffset.UtcNow;
        await host.Store.SaveJobAsync(StoredEntries.Job("earlier01", JobKind.FullSync, JobStatus.Interrupted, stoppedAt, startedAt: stoppedAt, parametersJson: """{"baseIds":null,"mode":1,"includeRevisions":false}"""), Ct);

        var resumed = await host.Services.GetRequiredService<JobResumption>().ResumeAsync("earlier01", Ct);
        var finished = await host.WaitForAsync(resumed.Id, j => j.IsFinished, "a final state");

        Assert.Equal(JobKind.FullSync, finished.Kind);
        Assert.Equal(JobStatus.Succeeded, finished.Status);
        Assert.True((await host.Store.GetRecordAsync(deleted, Ct))!.IsDeleted); // only a full scan tombstones
    }

    [Fact]
    public async Task IncrementalSyncAsksOnlyForRecentlyModifiedRecords()
    {
        await using var fixture = await SyncFixture.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 1, RecordsPerTable: 300, FieldsPerTable: 3));
        await using var host = await fixture.StartHostAsync();
        await host.RunSyncAsync(new SyncRequest());
        var @base = fixture.Workspace.GetBases()[0];
        var table = fixture.Workspace.GetTables(@base.Id)[0];
        var textField = table.Fields.First(f => f.Type == "singleLineText");
        var changed = fixture.Workspace.GetRecords(@base.Id, table.Id).Take(3).Select(r => r.Id).ToList();
        foreach (var id in changed)
        {
            fixture.Workspace.UpdateRecord(@base.Id, table.Id, id, new Dictionary<string, JsonNode?> { [textField.Id] = JsonValue.Create("changed " + id) });
        }
        fixture.Fake.State.RequestLog.Clear();

        var job = await host.RunSyncAsync(new SyncRequest(), JobKind.IncrementalSync);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        var recordRequests = fixture.Fake.State.RequestLog.Entries.Where(e => e.Path.Contains(table.Id, StringComparison.Ordinal)).ToList();
        Assert.Single(recordRequests); // 3 changed records fit in one page; unchanged ones are not transferred
        foreach (var id in changed)
        {
            Assert.Contains("changed " + id, (await host.Store.GetRecordAsync(id, Ct))!.FieldsJson, StringComparison.Ordinal);
        }
        await fixture.AssertStoreMirrorsFakeAsync(host.Store);
    }

    [Fact]
    public async Task ALargeTableIsScannedInDisjointParallelSlices()
    {
        await using var fixture = await SyncFixture.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 1, RecordsPerTable: 1_000, FieldsPerTable: 3));
        await using var host = await fixture.StartHostAsync(new Dictionary<string, string?> { ["Sync:StreamsPerBase"] = "4" });

        var job = await host.RunSyncAsync(new SyncRequest());

        Assert.Equal(JobStatus.Succeeded, job.Status);
        await fixture.AssertStoreMirrorsFakeAsync(host.Store);
        var listCalls = fixture.Fake.State.RequestLog.Entries.Count(e => e.Path.Contains("/tbl", StringComparison.Ordinal));
        // 10 pages of data, one probe page, and at most one partial page per slice.
        Assert.InRange(listCalls, 11, 15);
    }

    [Fact]
    public async Task RenamesUpdateNamesAndRemovedFieldsAndTablesAreKept()
    {
        await using var fixture = await SyncFixture.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 2, RecordsPerTable: 10, FieldsPerTable: 4));
        await using var host = await fixture.StartHostAsync();
        await host.RunSyncAsync(new SyncRequest());
        var @base = fixture.Workspace.GetBases()[0];
        var (kept, removed) = (fixture.Workspace.GetTables(@base.Id)[0], fixture.Workspace.GetTables(@base.Id)[1]);
        fixture.Workspace.RenameTable(@base.Id, kept.Id, "Renamed table");
        fixture.Workspace.RenameField(@base.Id, kept.Id, kept.Fields[1].Id, "Renamed field");
        fixture.Workspace.RemoveField(@base.Id, kept.Id, kept.Fields[2].Id);
        fixture.Workspace.RemoveTable(@base.Id, removed.Id);

        var job = await host.RunSyncAsync(new SyncRequest());

        Assert.Equal(JobStatus.Succeeded, job.Status);
        var tables = await host.Store.ListTablesAsync(@base.Id, Ct);
        Assert.Equal(2, tables.Count);
        var renamed = tables.Single(t => t.Id == kept.Id);
        Assert.Equal("Renamed table", renamed.Name);
        Assert.Equal("Renamed field", renamed.Fields.Single(f => f.Id == kept.Fields[1].Id).Name);
        Assert.True(renamed.Fields.Single(f => f.Id == kept.Fields[2].Id).IsRemoved);
        Assert.True(tables.Single(t => t.Id == removed.Id).IsRemoved);
        var keptRecords = await host.Store.QueryRecordsAsync(new RecordQuery(@base.Id, removed.Id), Ct);
        Assert.Equal(10, keptRecords.TotalCount);
    }

    [Fact]
    public async Task ARevokedTokenFailsTheJobAtOnceWithAReadableMessage()
    {
        await using var fixture = await SyncFixture.StartAsync(new SyntheticWorkspaceSpec(Bases: 2, TablesPerBase: 2, RecordsPerTable: 20));
        await using var host = await fixture.StartHostAsync();
        fixture.Fake.State.Tokens.Revoke(SyncFixture.Token);

        var job = await host.RunSyncAsync(new SyncRequest());

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.NotNull(job.Error);
        Assert.DoesNotContain(SyncFixture.Token, job.Error, StringComparison.Ordinal);
        Assert.Single(fixture.Fake.State.RequestLog.Entries); // no retry storm after a 401
    }

    [Fact]
    public async Task ABaseThatIsNotVisibleIsReportedAndTheOthersSync()
    {
        await using var fixture = await SyncFixture.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 1, RecordsPerTable: 5));
        await using var host = await fixture.StartHostAsync();
        var visible = fixture.Workspace.GetBases()[0].Id;

        var job = await host.RunSyncAsync(new SyncRequest(BaseIds: [visible, "appNotGranted00001"]));

        Assert.Equal(JobStatus.PartiallySucceeded, job.Status);
        Assert.Contains(job.Failures, f => f.Item == "appNotGranted00001");
        Assert.Equal(5, (await host.Store.QueryRecordsAsync(new RecordQuery(visible, fixture.Workspace.GetTables(visible)[0].Id), Ct)).TotalCount);
    }

    private static async Task<List<StoredRecord>> AllRecordsAsync(ISyncStore store, SyncFixture fixture)
    {
        var all = new List<StoredRecord>();
        foreach (var @base in fixture.Workspace.GetBases())
        {
            foreach (var table in fixture.Workspace.GetTables(@base.Id))
            {
                all.AddRange(await SyncFixture.AllRecordsAsync(store, @base.Id, table.Id, includeDeleted: true));
            }
        }
        return all;
    }
}
