using AirtableSync.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AirtableSync.Tests.Ui;

/// <summary>A real SQLite store in its own temporary directory, deleted on dispose.</summary>
public sealed class UiStore : IDisposable
{
    private UiStore(string directory, SqliteSyncStore store)
    {
        Directory = directory;
        Store = store;
    }

    public string Directory { get; }

    public SqliteSyncStore Store { get; }

    public static async Task<UiStore> CreateAsync(CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"airtablesync-ui-{Guid.NewGuid():N}");
        var store = new SqliteSyncStore(Path.Combine(directory, "store.db"), NullLogger<SqliteSyncStore>.Instance);
        await store.InitializeAsync(cancellationToken);
        return new UiStore(directory, store);
    }

    /// <summary>Drops one of the store's tables behind its back, so that reads really fail.</summary>
    public async Task BreakAsync(string table, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={Store.DatabasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP TABLE {table};";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose()
    {
        Store.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle still closing; the OS temp folder is cleaned eventually.
        }
    }
}
