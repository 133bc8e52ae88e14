using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace AirtableSync.Storage.Sqlite;

// Copies the write-ahead log back into the database file on a connection of its own, so the writer never
// waits for it. SQLite's automatic checkpoint runs inside the COMMIT of whichever write crosses the limit, and
// with random Airtable ids that write then stalls while most of the file is copied: the storage benchmark's
// passes ran 13-15% faster once the copy moved off the writer. The writer keeps SQLite's automatic checkpoint at
// BackstopFactor times the limit, for when this one cannot keep up (a long read pins old frames,
// or a checkpoint failed).
internal sealed class SqliteWalCheckpointer(
    Func<CancellationToken, Task<SqliteConnection>> openConnection, long checkpointAfterBytes, ILogger logger)
{
    public const int BackstopFactor = 4;

    public long CheckpointAfterBytes { get; } = checkpointAfterBytes;

    private long _bytesSinceCheckpoint;
    private Task _running = Task.CompletedTask;

    // Checkpoints started so far, for tests and the benchmark's report.
    public int Started { get; private set; }

    // Called by the writer after each commit, under its lock. Counts the pages that commit appended to the
    // log (SQLite's per-connection CACHE_WRITE counter) and starts a checkpoint when enough have accumulated.
    public void Committed(SqliteConnection writer, int pageSize)
    {
        raw.sqlite3_db_status(writer.Handle, raw.SQLITE_DBSTATUS_CACHE_WRITE, out var pagesWritten, out _, 1);
        _bytesSinceCheckpoint += (long)pagesWritten * pageSize;
        if (_bytesSinceCheckpoint < CheckpointAfterBytes || !_running.IsCompleted)
        {
            return;
        }
        _bytesSinceCheckpoint = 0;
        Started++;
        Volatile.Write(ref _running, Task.Run(CheckpointAsync));
    }

    // Completes when no checkpoint is running; never throws (a failed checkpoint is logged and retried by the next one).
    public Task WhenIdleAsync() => Volatile.Read(ref _running);

    private async Task CheckpointAsync()
    {
        var elapsed = Stopwatch.StartNew();
        try
        {
            await using var connection = await openConnection(CancellationToken.None);
            // PASSIVE: copy what no reader still needs, never block the writer or readers. The log restarts from
            // its beginning at the next write once every frame has been copied.
            await using var command = connection.Command("PRAGMA wal_checkpoint(PASSIVE);");
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                logger.LogDebug("SQLite checkpoint copied {Copied} of {Logged} log pages in {Milliseconds} ms",
                    reader.GetInt64(2), reader.GetInt64(1), elapsed.ElapsedMilliseconds);
            }
        }
        catch (Exception e) when (e is SqliteException or IOException or InvalidOperationException)
        {
            logger.LogWarning(e, "SQLite background checkpoint failed after {Milliseconds} ms; the next one retries", elapsed.ElapsedMilliseconds);
        }
    }
}
