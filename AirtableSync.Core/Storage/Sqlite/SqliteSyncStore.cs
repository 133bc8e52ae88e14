using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Storage.Sqlite;

// ISyncStore on one SQLite file. SQLite has a single writer, so writes queue on an in-process
// lock (cheaper and fairer than SQLITE_BUSY retries) and each runs in one IMMEDIATE transaction; reads open
// their own pooled connection and run concurrently with the writer thanks to WAL.
public sealed partial class SqliteSyncStore : ISyncStore, IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _connectionString;
    private readonly ILogger<SqliteSyncStore> _logger;
    private readonly SqliteWalCheckpointer _checkpointer;
    private readonly long _journalSizeLimitBytes;
    private SqliteConnection? _writer;
    private int _writerPageSize;
    // Whether the log may hold frames since the last truncation; true at start, a previous run may have left a large log.
    private volatile bool _writtenSinceTruncation = true;

    // The log is copied into the file every 64 MB: the size SQLite trims it back to (journal_size_limit), large
    // enough that the hot pages of the record-id index are rewritten many times in the log before one copy.
    public const long DefaultCheckpointAfterBytes = 64L * 1024 * 1024;

    // A truncating checkpoint waits at most this long for readers to leave old frames; then the next one retries.
    private const int TruncationBusyTimeoutMilliseconds = 1000;

    public SqliteSyncStore(string databasePath, ILogger<SqliteSyncStore> logger)
        : this(databasePath, logger, DefaultCheckpointAfterBytes)
    {
    }

    internal SqliteSyncStore(string databasePath, ILogger<SqliteSyncStore> logger, long checkpointAfterBytes, long journalSizeLimitBytes = DefaultCheckpointAfterBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _logger = logger;
        _journalSizeLimitBytes = journalSizeLimitBytes;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
        _checkpointer = new SqliteWalCheckpointer(OpenAsync, checkpointAfterBytes, logger);
    }

    public string DatabasePath { get; }

    public int CheckpointsStarted => _checkpointer.Started;

    // Completes once no background checkpoint is running: the benchmark stops its clock only then.
    public Task WhenCheckpointIdleAsync() => _checkpointer.WhenIdleAsync();

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (Path.GetDirectoryName(DatabasePath) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            // WAL is a property of the file: set once, every later connection inherits it. The page size only
            // takes effect on a new, empty file (before WAL): 16 KB pages hold ~10 records of ~1.3 KB instead of 3,
            // so a batch of records with random Airtable ids dirties far fewer index pages per commit (the
            // storage benchmark's first pass ran ~1.8x faster than with the default 4 KB).
            await using (var wal = connection.Command("PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;"))
            {
                await wal.ExecuteNonQueryAsync(cancellationToken);
            }
            await SqliteMigrator.MigrateAsync(connection, SqliteMigrations.Scripts.Count, _logger, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // synchronous=NORMAL is durable in WAL mode except for the last commits on power loss, which a re-sync repairs.
        // A 16 MB page cache keeps the record-id index hot (Airtable ids are random, so inserts land all over it);
        // memory-mapped reads make the count/search scans of a large table cheaper than read() calls.
        // journal_size_limit trims the log back (64 MB by default) when a write restarts it after a background checkpoint
        // (SqliteWalCheckpointer); TruncateLogAsync empties it. Pooled connections stay open, so SQLite never deletes
        // the -wal on the last close while the app runs: without these the file keeps its high-water size.
        await using var pragmas = connection.Command($"""
            PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -16000;
            PRAGMA mmap_size = 268435456; PRAGMA temp_store = MEMORY; PRAGMA journal_size_limit = {_journalSizeLimitBytes};
            """);
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    // Writes are serialized anyway, so one long-lived writer connection keeps its page cache warm between pages.
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            _writer ??= await OpenWriterAsync(cancellationToken);
            await using var transaction = _writer.BeginTransaction(deferred: false);
            var result = await work(_writer);
            await transaction.CommitAsync(cancellationToken);
            _writtenSinceTruncation = true;
            _checkpointer.Committed(_writer, _writerPageSize);
            return result;
        }
        catch (SqliteException)
        {
            // A failed statement leaves nothing open (the transaction rolled back), but a broken handle would
            // fail every later write: start the next write on a fresh connection.
            _writer?.Dispose();
            _writer = null;
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var writer = await OpenAsync(cancellationToken);
        await using (var pageSize = writer.Command("PRAGMA page_size;"))
        {
            _writerPageSize = Convert.ToInt32(await pageSize.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        // SQLite's own checkpoint stays only as a backstop, far above the background one's limit.
        var backstopPages = SqliteWalCheckpointer.BackstopFactor * _checkpointer.CheckpointAfterBytes / _writerPageSize;
        await using (var autoCheckpoint = writer.Command($"PRAGMA wal_autocheckpoint = {backstopPages};"))
        {
            await autoCheckpoint.ExecuteNonQueryAsync(cancellationToken);
        }
        return writer;
    }

    public bool WrittenSinceTruncation => _writtenSinceTruncation;

    /// <summary>
    /// Copies the whole write-ahead log into the database file and truncates the log to zero bytes (TRUNCATE checkpoint).
    /// Never waits for the app's writer (a write in progress answers <see cref="LogTruncation.WriterBusy"/>) and waits
    /// at most a second for readers still on old frames (<see cref="LogTruncation.ReadersBusy"/>): the caller retries later.
    /// </summary>
    public async Task<LogTruncation> TruncateLogAsync(CancellationToken cancellationToken = default)
    {
        if (!await _writeLock.WaitAsync(0, cancellationToken))
        {
            return LogTruncation.WriterBusy;
        }
        try
        {
            // Holding the write lock, no new background checkpoint starts; one still copying would make this one busy.
            await _checkpointer.WhenIdleAsync();
            await using var connection = await OpenAsync(cancellationToken);
            await using (var timeout = connection.Command($"PRAGMA busy_timeout = {TruncationBusyTimeoutMilliseconds};"))
            {
                await timeout.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var command = connection.Command("PRAGMA wal_checkpoint(TRUNCATE);");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            // One row: busy (1 when readers or another checkpoint were in the way), log frames, frames copied.
            if (await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) != 0)
            {
                return LogTruncation.ReadersBusy;
            }
            _writtenSinceTruncation = false;
            return LogTruncation.Truncated;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task WriteAsync(Func<SqliteConnection, Task> work, CancellationToken cancellationToken) =>
        await WriteAsync(async connection => { await work(connection); return true; }, cancellationToken);

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await work(connection);
    }

    private static async Task<List<T>> ListAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(map(reader));
        }
        return items;
    }

    public void Dispose()
    {
        // A checkpoint still copying would keep the file open (and a test's directory undeletable).
        _checkpointer.WhenIdleAsync().GetAwaiter().GetResult();
        _writer?.Dispose();
        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        _writeLock.Dispose();
    }
}
