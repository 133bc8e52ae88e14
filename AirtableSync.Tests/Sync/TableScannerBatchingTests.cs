using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Sync;

public sealed class TableScannerBatchingTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task AScanGathersPagesIntoWritesOfTheConfiguredBatchSize()
    {
        var writes = await ScanAsync(new Dictionary<string, string?> { ["Sync:WriteBatchRecords"] = "300", ["Sync:WriteBatchMaxDelay"] = "00:01:00" });

        Assert.Equal([300, 300, 300, 150], writes.Sizes);
        Assert.Equal(1050, writes.Stored);
    }

    [Fact]
    public async Task AScanWritesEveryPageWhenPagesMayNotWait()
    {
        var writes = await ScanAsync(new Dictionary<string, string?> { ["Sync:WriteBatchRecords"] = "1000", ["Sync:WriteBatchMaxDelay"] = "00:00:00" });

        Assert.Equal([.. Enumerable.Repeat(100, 10), 50], writes.Sizes);
        Assert.Equal(1050, writes.Stored);
    }

    private static async Task<(List<int> Sizes, int Stored)> ScanAsync(Dictionary<string, string?> settings)
    {
        await using var fixture = await SyncFixture.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 1, RecordsPerTable: 1050, FieldsPerTable: 3));
        await using var host = await fixture.StartHostAsync(settings);
        var @base = fixture.Workspace.GetBases()[0];
        var table = fixture.Workspace.GetTables(@base.Id)[0];
        await using var scope = host.Services.CreateAsyncScope();
        var sizes = new List<int>();

        var finished = await scope.ServiceProvider.GetRequiredService<TableScanner>().ScanAsync(@base.Id, table.Id, null,
            outcome => { sizes.Add(outcome.Total); return Task.CompletedTask; }, null, Ct);

        Assert.True(finished);
        var stored = await host.Store.QueryRecordsAsync(new RecordQuery(@base.Id, table.Id, Take: 1), Ct);
        return (sizes, stored.TotalCount);
    }
}
