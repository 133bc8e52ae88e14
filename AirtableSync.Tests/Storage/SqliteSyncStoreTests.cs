using AirtableSync.Storage;
using AirtableSync.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AirtableSync.Tests.Storage;

/// <summary>The contract on real SQLite files: one temporary directory per class, one file per test.</summary>
public sealed class SqliteSyncStoreTests(TemporaryDirectory directory) : SyncStoreContract, IClassFixture<TemporaryDirectory>
{
    private string DatabasePath { get; } = Path.Combine(directory.Path, $"{Guid.NewGuid():N}", "store.db");

    protected override async Task<ISyncStore> CreateStoreAsync(CancellationToken cancellationToken)
    {
        var store = new SqliteSyncStore(DatabasePath, NullLogger<SqliteSyncStore>.Instance);
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    protected override ValueTask DisposeStoreAsync(ISyncStore store)
    {
        ((SqliteSyncStore)store).Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task StoreCreatesItsDirectoryAndUsesWriteAheadLogging()
    {
        _ = Store;
        Assert.True(File.Exists(DatabasePath));
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync(Token));
        command.CommandText = "PRAGMA page_size;";
        Assert.Equal(16384L, await command.ExecuteScalarAsync(Token));
    }
}
