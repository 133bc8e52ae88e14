using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Storage.Sqlite;

// Applies SqliteMigrations forward from the file's user_version, each script in its own transaction.
internal static class SqliteMigrator
{
    public static async Task<int> GetVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    // Migrates up to targetVersion (tests stop early to build an old file). Returns the scripts applied.
    public static async Task<int> MigrateAsync(SqliteConnection connection, int targetVersion, ILogger logger, CancellationToken cancellationToken)
    {
        var version = await GetVersionAsync(connection, cancellationToken);
        if (version > SqliteMigrations.Scripts.Count)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {version}, newer than this build knows ({SqliteMigrations.Scripts.Count}). Use a newer build.");
        }
        // Invariant lower-casing beyond ASCII (SQLite's lower() is ASCII-only), for scripts that derive search text.
        connection.CreateFunction("lower_invariant", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
        var applied = 0;
        for (var next = version + 1; next <= targetVersion; next++)
        {
            // user_version lives in the file header and is written inside the same transaction as the script.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = SqliteMigrations.Scripts[next - 1] + $"\nPRAGMA user_version = {next};";
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("SQLite store migrated to schema version {Version}", next);
            applied++;
        }
        return applied;
    }
}
