using System.Globalization;
using AirtableSync.Jobs;
using AirtableSync.Storage;
using AirtableSync.Storage.Sqlite;
using AirtableSync.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Storage;

/// <summary>
/// The -wal file beside a real SQLite database shrinks back to nothing once the app is idle or a job finished,
/// instead of keeping its high-water size for as long as the app runs (pooled connections keep the file open).
/// </summary>
public sealed class SqliteLogTruncationTests(TemporaryDirectory directory) : IClassFixture<TemporaryDirectory>
{
    private const long Limit = 1024 * 1024;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneStepAfterABurstOfWritesLeavesTheLogBelowTheLimitWithNothingLost()
    {
        using var store = await GrownStoreAsync();
        using var checkpoint = Service(store, new FakeTimeProvider());

        Assert.Equal(LogTruncation.Truncated, await checkpoint.StepAsync(store, Token));

        Assert.InRange(WalBytes(store), 0, Limit);
        Assert.Equal(Batches * BatchSize, (await store.QueryRecordsAsync(new RecordQuery("appWal", "tblWal"), Token)).TotalCount);
        Assert.Equal(Batches * BatchSize, await RecordsInMainFileAloneAsync(store.DatabasePath));
    }

    [Fact]
    public async Task TheIdleCheckpointTruncatesTheLogWhenTheIntervalHasPassed()
    {
        using var store = await GrownStoreAsync();
        var time = new FakeTimeProvider();
        using var checkpoint = Service(store, time);
        var attempt = NextAttempt(checkpoint);
        await checkpoint.StartAsync(Token);
        try
        {
            time.Advance(Interval);

            Assert.Equal(LogTruncation.Truncated, await attempt.WaitAsync(TimeSpan.FromSeconds(30), Token));
            Assert.InRange(WalBytes(store), 0, Limit);
        }
        finally
        {
            await checkpoint.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task AFinishedJobTruncatesTheLogWithoutWaitingForTheInterval()
    {
        using var store = await GrownStoreAsync();
        var notifier = new JobProgressNotifier(NullLogger<JobProgressNotifier>.Instance);
        using var checkpoint = Service(store, new FakeTimeProvider(), notifier);
        var attempt = NextAttempt(checkpoint);
        await checkpoint.StartAsync(Token);
        try
        {
            await notifier.PublishAsync(StoredEntries.Job("jobWal", JobKind.FullSync, JobStatus.Running, DateTimeOffset.UnixEpoch));
            Assert.False(attempt.IsCompleted);

            await notifier.PublishAsync(StoredEntries.Job("jobWal", JobKind.FullSync, JobStatus.Succeeded, DateTimeOffset.UnixEpoch) with { FinishedAt = DateTimeOffset.UnixEpoch });

            Assert.Equal(LogTruncation.Truncated, await attempt.WaitAsync(TimeSpan.FromSeconds(30), Token));
            Assert.InRange(WalBytes(store), 0, Limit);
        }
        finally
        {
            await checkpoint.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task WithoutNewWritesAStepDoesNothing()
    {
        using var store = await GrownStoreAsync();
        using var checkpoint = Service(store, new FakeTimeProvider());
        await checkpoint.StepAsync(store, Token);

        Assert.Equal(LogTruncation.NothingWritten, await checkpoint.StepAsync(store, Token));

        await store.UpsertRecordsAsync("appWal", "tblWal", Records(Batches), DateTimeOffset.UnixEpoch.AddDays(1), Token);
        Assert.True(WalBytes(store) > 0);
        Assert.Equal(LogTruncation.Truncated, await checkpoint.StepAsync(store, Token));
        Assert.Equal(0, WalBytes(store));
    }

    [Fact]
    public async Task AReadStillOpenOnOldFramesMakesTheStepReportBusyAndTheNextOneTruncates()
    {
        using var store = await GrownStoreAsync();
        using var checkpoint = Service(store, new FakeTimeProvider());
        await using (var reader = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False"))
        {
            await reader.OpenAsync(Token);
            await using var transaction = reader.BeginTransaction(deferred: true);
            await using (var read = reader.CreateCommand())
            {
                read.CommandText = "SELECT count(*) FROM records;";
                await read.ExecuteScalarAsync(Token);
            }
            // Written after the read began: the reader's snapshot pins the older frames.
            await store.UpsertRecordsAsync("appWal", "tblWal", Records(Batches), DateTimeOffset.UnixEpoch.AddDays(1), Token);

            Assert.Equal(LogTruncation.ReadersBusy, await checkpoint.StepAsync(store, Token));
        }

        Assert.Equal(LogTruncation.Truncated, await checkpoint.StepAsync(store, Token));
        Assert.Equal(0, WalBytes(store));
    }

    [Fact]
    public async Task TheConfiguredJournalSizeLimitIsWhatEveryConnectionUses()
    {
        await using var services = Registered(new() { ["Storage:Sqlite:JournalSizeLimitMegabytes"] = "8" });
        var store = (SqliteSyncStore)services.GetRequiredService<ISyncStore>();
        await store.InitializeAsync(Token);

        await using var connection = await store.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_size_limit;";

        Assert.Equal(8L * 1024 * 1024, Convert.ToInt64(await command.ExecuteScalarAsync(Token), CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Storage:Sqlite:IdleCheckpointInterval", "00:00:00", "IdleCheckpointInterval")]
    [InlineData("Storage:Sqlite:IdleCheckpointInterval", "2.00:00:00", "IdleCheckpointInterval")]
    [InlineData("Storage:Sqlite:JournalSizeLimitMegabytes", "0", "JournalSizeLimitMegabytes")]
    public async Task AnOutOfRangeSettingIsRejectedNamingIt(string key, string value, string named)
    {
        await using var services = Registered(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private const int Batches = 12;
    private const int BatchSize = 200;

    // ~3 MB of records with the background checkpoint out of the way: the log holds all of it.
    private async Task<SqliteSyncStore> GrownStoreAsync()
    {
        var store = new SqliteSyncStore(Path.Combine(directory.Path, $"{Guid.NewGuid():N}", "store.db"), NullLogger<SqliteSyncStore>.Instance,
            checkpointAfterBytes: 1L << 30, journalSizeLimitBytes: Limit);
        await store.InitializeAsync(Token);
        for (var batch = 0; batch < Batches; batch++)
        {
            await store.UpsertRecordsAsync("appWal", "tblWal", Records(batch), DateTimeOffset.UnixEpoch.AddDays(1), Token);
        }
        Assert.True(WalBytes(store) > 2 * Limit, $"the log should have grown past the limit, it is {WalBytes(store)} bytes");
        return store;
    }

    private static SqliteIdleCheckpoint Service(SqliteSyncStore store, TimeProvider time, JobProgressNotifier? jobs = null) =>
        new(store, Options.Create(new StorageOptions { Sqlite = { IdleCheckpointInterval = Interval } }), time, NullLogger<SqliteIdleCheckpoint>.Instance, jobs);

    private static Task<LogTruncation> NextAttempt(SqliteIdleCheckpoint checkpoint)
    {
        var attempt = new TaskCompletionSource<LogTruncation>(TaskCreationOptions.RunContinuationsAsynchronously);
        checkpoint.Attempted += outcome => attempt.TrySetResult(outcome);
        return attempt.Task;
    }

    private ServiceProvider Registered(Dictionary<string, string?> settings)
    {
        settings["Storage:DataDirectory"] = Path.Combine(directory.Path, $"{Guid.NewGuid():N}");
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(logging => logging.ClearProviders());
        services.AddSyncStorage();
        return services.BuildServiceProvider();
    }

    private static long WalBytes(SqliteSyncStore store) =>
        new FileInfo(store.DatabasePath + "-wal") is { Exists: true } wal ? wal.Length : 0;

    private static List<RecordData> Records(int batch) =>
        [.. Enumerable.Range(0, BatchSize).Select(i => new RecordData(
            "rec" + ((uint)HashCode.Combine(batch, i)).ToString("x8", CultureInfo.InvariantCulture) + $"{batch:D3}{i:D3}",
            DateTimeOffset.UnixEpoch.AddSeconds(batch * BatchSize + i),
            $$"""{"fldName":"row {{batch}}-{{i}}","fldNotes":"{{new string('x', 1000)}}"}"""))];

    private async Task<int> RecordsInMainFileAloneAsync(string path)
    {
        var copy = Path.Combine(directory.Path, $"{Guid.NewGuid():N}.db");
        File.Copy(path, copy);
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM records;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(Token), CultureInfo.InvariantCulture);
    }
}
