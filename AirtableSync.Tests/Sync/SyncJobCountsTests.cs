using System.Text.Json.Nodes;
using AirtableSync.Revisions;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Storage;
using AirtableSync.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Sync;

// What a finished job says it did, per table, against what the fake Airtable holds and the store kept.
public sealed class SyncJobCountsTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    // Four streams per base slice any table whose first page is full: the case that once counted that page twice.
    private static readonly Dictionary<string, string?> Slicing = new() { ["Sync:StreamsPerBase"] = "4" };

    [Fact]
    public async Task AFullSyncOfSlicedTablesReportsEachRecordOnceAndTheTotalTheStoreHolds()
    {
        await using var fixture = await SyncFixture.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 2, RecordsPerTable: 231, FieldsPerTable: 3));
        await using var host = await fixture.StartHostAsync(Slicing);

        var job = await host.RunSyncAsync(new SyncRequest());

        Assert.Equal(JobStatus.Succeeded, job.Status);
        var @base = fixture.Workspace.GetBases()[0];
        var stored = 0;
        foreach (var table in fixture.Workspace.GetTables(@base.Id))
        {
            stored += (await host.Store.QueryRecordsAsync(new RecordQuery(@base.Id, table.Id, Take: 1), Ct)).TotalCount;
        }
        Assert.Equal(462, stored);
        Assert.Equal(stored, job.Progress.Completed);
        Assert.Equal(stored, job.Progress.Total);
        Assert.Equal(stored, job.Tables.Sum(t => t.Seen));
    }

    [Fact]
    public async Task AFullSyncCountsEveryTableAndLogsItsSteps()
    {
        await using var fixture = await SyncFixture.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 2, RecordsPerTable: 150, FieldsPerTable: 3));
        await using var host = await fixture.StartHostAsync(Slicing);
        var @base = fixture.Workspace.GetBases()[0];
        var tables = fixture.Workspace.GetTables(@base.Id);

        var job = await host.RunSyncAsync(new SyncRequest());

        Assert.Equal(
            tables.Select(t => new JobTableCounts(@base.Id, @base.Name, t.Id, t.Name, 150, 150, 0, 0, 0)).OrderBy(t => t.TableId, StringComparer.Ordinal),
            job.Tables.OrderBy(t => t.TableId, StringComparer.Ordinal));
        var log = job.Log.Select(l => l.Text).ToList();
        Assert.Equal($"Base {@base.Name}: schema, 2 tables", log[0]);
        Assert.All(tables, t => Assert.Contains($"{t.Name}: 150 records seen, 150 added, 0 changed, 0 deleted", log));
        // Kept with the job, not only pushed to the page that watched it.
        var reloaded = await host.Store.GetJobAsync(job.Id, Ct);
        Assert.Equal(job.Tables, reloaded?.Tables);
        Assert.Equal(job.Log, reloaded?.Log);
    }

    [Fact]
    public async Task AnIncrementalSyncCountsWhatChangedAndTheNextFullSyncCountsTheDeletion()
    {
        await using var fixture = await SyncFixture.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 1, RecordsPerTable: 120, FieldsPerTable: 3));
        await using var host = await fixture.StartHostAsync();
        await host.RunSyncAsync(new SyncRequest());
        var @base = fixture.Workspace.GetBases()[0];
        var table = fixture.Workspace.GetTables(@base.Id)[0];
        var text = table.Fields.First(f => f.Type == "singleLineText");
        foreach (var record in fixture.Workspace.GetRecords(@base.Id, table.Id).Take(3))
        {
            fixture.Workspace.UpdateRecord(@base.Id, table.Id, record.Id, new Dictionary<string, JsonNode?> { [text.Id] = JsonValue.Create("changed " + record.Id) });
        }
        fixture.Workspace.AddRecord(@base.Id, table.Id, new Dictionary<string, JsonNode?> { [text.Id] = JsonValue.Create("new") });
        fixture.Workspace.DeleteRecord(@base.Id, table.Id, fixture.Workspace.GetRecords(@base.Id, table.Id)[50].Id);

        var incremental = await host.RunSyncAsync(new SyncRequest(), JobKind.IncrementalSync);
        var full = await host.RunSyncAsync(new SyncRequest(), JobKind.FullSync);

        var changed = Assert.Single(incremental.Tables);
        Assert.Equal((4L, 1L, 3L, 0L), (changed.Seen, changed.Added, changed.Changed, changed.Deleted));
        Assert.Contains($"{table.Name}: 4 records seen since the last sync, 1 added, 3 changed (deletions show after a full sync)", incremental.Log.Select(l => l.Text));
        Assert.Equal(4, incremental.Progress.Completed);
        var all = Assert.Single(full.Tables);
        Assert.Equal((120L, 0L, 0L, 1L), (all.Seen, all.Added, all.Changed, all.Deleted));
    }

    [Fact]
    public async Task ARevisionJobCountsTheEventsItStoredForEveryTable()
    {
        await using var fixture = await SyncFixture.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 2, RecordsPerTable: 6, FieldsPerTable: 4),
            options => options.RevisionRequestsPerSecondPerBase = 100);
        await using var host = await fixture.StartHostAsync(new Dictionary<string, string?> { ["Revisions:RequestsPerSecondPerBase"] = "50" }, withRevisions: true);
        await fixture.SignInWebSessionAsync(host);
        await host.RunSyncAsync(new SyncRequest());
        var @base = fixture.Workspace.GetBases()[0];

        var job = await host.RunSyncAsync(new SyncRequest(), JobKind.RevisionSync);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(2, job.Tables.Count);
        foreach (var counts in job.Tables)
        {
            var stored = 0L;
            foreach (var record in fixture.Workspace.GetRecords(@base.Id, counts.TableId))
            {
                stored += (await host.Store.GetRevisionsAsync(record.Id, Ct)).Count;
            }
            Assert.True(stored > 0);
            Assert.Equal(stored, counts.RevisionEvents);
            Assert.Contains($"{counts.TableName}: {stored:N0} revision events from 6 of 6 records", job.Log.Select(l => l.Text));
        }
    }
}
