using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Sync;

public sealed class SyncCrashTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task AJobCutShortByAHostShutdownResumesToExactlyTheFakesData()
    {
        await using var fixture = await SyncFixture.StartAsync(
            new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 3, RecordsPerTable: 600, FieldsPerTable: 4),
            options => options.Latency = TimeSpan.FromMilliseconds(40));
        // One stream and page-sized writes, so that the shutdown lands in the middle of a table.
        var settings = new Dictionary<string, string?> { ["Sync:StreamsPerBase"] = "1", ["Sync:WriteBatchRecords"] = "100" };
        string jobId;
        await using (var first = await fixture.StartHostAsync(settings))
        {
            var job = await first.Queue.EnqueueAsync(JobKind.FullSync, new SyncRequest(), Ct);
            jobId = job.Id;
            await first.WaitForAsync(jobId, j => j.Progress.Completed >= 700, "700 records stored");
        } // the host goes away in the middle of the sync

        await using var second = await fixture.StartHostAsync(settings);
        var interrupted = await second.Store.GetJobAsync(jobId, Ct);
        Assert.Equal(JobStatus.Interrupted, interrupted!.Status);

        // While the app was down, Airtable lost a record the cut-short scan had already stored: the resumed job
        // rescans that table completely, so the record must end up a tombstone.
        var @base = fixture.Workspace.GetBases()[0];
        StoredRecord? victim = null;
        foreach (var table in fixture.Workspace.GetTables(@base.Id))
        {
            var stored = await second.Store.QueryRecordsAsync(new RecordQuery(@base.Id, table.Id, Take: 1), Ct);
            if (stored.TotalCount is > 0 and < 600)
            {
                victim = stored.Items[0];
            }
        }
        Assert.NotNull(victim);
        fixture.Workspace.DeleteRecord(@base.Id, victim.TableId, victim.Id);
        var resumed = await second.Services.GetRequiredService<AirtableSync.Jobs.JobResumption>().ResumeAsync(jobId, Ct);
        var finished = await second.WaitForAsync(resumed.Id, j => j.IsFinished, "a final state");

        Assert.Equal(JobStatus.Succeeded, finished.Status);
        await fixture.AssertStoreMirrorsFakeAsync(second.Store);
        Assert.True((await second.Store.GetRecordAsync(victim.Id, Ct))!.IsDeleted);
        Assert.Equal(1, (await second.Store.GetStatisticsAsync(Ct)).DeletedRecords);
    }
}
