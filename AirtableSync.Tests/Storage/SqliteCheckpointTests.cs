using System.Globalization;
using AirtableSync.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AirtableSync.Tests.Storage;

/// <summary>
/// The write-ahead log is copied into the database file by a background checkpoint, not inside the writer's
/// commits. Observed from outside: the main file alone (without its -wal) holds what was written.
/// </summary>
public sealed class SqliteCheckpointTests(TemporaryDirectory directory) : IClassFixture<TemporaryDirectory>
{
    private const int Batches = 12;
    private const int BatchSize = 200;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWriteBurstIsCopiedIntoTheDatabaseFileWhileWritesAndReadsGoOn()
    {
        var path = NewDatabasePath();
        using (var store = new SqliteSyncStore(path, NullLogger<SqliteSyncStore>.Instance, checkpointAfterBytes: 256 * 1024))
        {
            await store.InitializeAsync(Token);
            for (var batch = 0; batch < Batches; batch++)
            {
                await store.UpsertRecordsAsync("appCheckpoint", "tblCheckpoint", Records(batch), DateTimeOffset.UnixEpoch.AddDays(1), Token);
                // Reads run beside a checkpoint that may be copying.
                var page = await store.QueryRecordsAsync(new RecordQuery("appCheckpoint", "tblCheckpoint"), Token);
                Assert.Equal((batch + 1) * BatchSize, page.TotalCount);
            }
            await store.WhenCheckpointIdleAsync();

            // ~1.2 KB records, 12 x 200 of them: well over ten 256 KB thresholds, but one checkpoint at a time.
            Assert.InRange(store.CheckpointsStarted, 2, Batches);
            var inFile = await RecordsInMainFileAloneAsync(path);
            Assert.InRange(inFile, BatchSize, Batches * BatchSize);

            var record = await store.GetRecordAsync(RecordId(Batches - 1, BatchSize - 1), Token);
            Assert.NotNull(record);
            Assert.Contains($"\"row {Batches - 1}-{BatchSize - 1}\"", record.FieldsJson, StringComparison.Ordinal);
        }
        // Closing the last connection checkpoints the remainder: nothing is lost, with or without the -wal.
        Assert.Equal(Batches * BatchSize, await RecordsInMainFileAloneAsync(path));
    }

    [Fact]
    public async Task BelowTheThresholdTheWriterLeavesEverythingInTheLog()
    {
        var path = NewDatabasePath();
        using var store = new SqliteSyncStore(path, NullLogger<SqliteSyncStore>.Instance, checkpointAfterBytes: 64L * 1024 * 1024);
        await store.InitializeAsync(Token);
        for (var batch = 0; batch < Batches; batch++)
        {
            await store.UpsertRecordsAsync("appCheckpoint", "tblCheckpoint", Records(batch), DateTimeOffset.UnixEpoch.AddDays(1), Token);
        }
        await store.WhenCheckpointIdleAsync();

        Assert.Equal(0, store.CheckpointsStarted);
        Assert.Equal(0, await RecordsInMainFileAloneAsync(path));
    }

    private string NewDatabasePath() => Path.Combine(directory.Path, $"{Guid.NewGuid():N}", "store.db");

    private static List<RecordData> Records(int batch) =>
        [.. Enumerable.Range(0, BatchSize).Select(i => new RecordData(
            RecordId(batch, i),
            DateTimeOffset.UnixEpoch.AddSeconds(batch * BatchSize + i),
            $$"""{"fldName":"row {{batch}}-{{i}}","fldNotes":"{{new string('x', 1000)}}"}"""))];

    // Random-looking ids, like Airtable's, so each batch dirties pages all over the id index.
    private static string RecordId(int batch, int index) =>
        "rec" + ((uint)HashCode.Combine(batch, index)).ToString("x8", CultureInfo.InvariantCulture) + $"{batch:D3}{index:D3}";

    /// <summary>Copies the main file without its -wal and counts the records in it: what a checkpoint has copied.</summary>
    private async Task<int> RecordsInMainFileAloneAsync(string path)
    {
        var copy = Path.Combine(directory.Path, $"{Guid.NewGuid():N}.db");
        File.Copy(path, copy);
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'records';";
        if (Convert.ToInt32(await command.ExecuteScalarAsync(Token), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }
        command.CommandText = "SELECT count(*) FROM records;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(Token), CultureInfo.InvariantCulture);
    }
}
