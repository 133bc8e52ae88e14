using System.Threading.Channels;
using AirtableSync.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AirtableSync.Storage.Sqlite;

// Keeps the SQLite write-ahead log from sitting at its high-water size: the background checkpoint (PASSIVE) copies
// frames but never shrinks the file, and pooled connections keep the database open, so SQLite never deletes the -wal
// on a last close either. Every Storage:Sqlite:IdleCheckpointInterval, and after every finished job, the log is
// copied and truncated to zero bytes if anything was written since the last time. Does nothing for other providers.
internal sealed class SqliteIdleCheckpoint(
    ISyncStore store, IOptions<StorageOptions> options, TimeProvider time, ILogger<SqliteIdleCheckpoint> logger,
    JobProgressNotifier? jobs = null) : BackgroundService
{
    // One pending wake-up is enough: a truncation covers everything written before it.
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    // Raised after each attempt, for tests that advance the clock and wait for the outcome.
    internal event Action<LogTruncation>? Attempted;

    private PeriodicTimer? _timer;
    private IDisposable? _jobSubscription;

    // The timer and the subscription exist once StartAsync returns (ExecuteAsync itself runs on another thread), so
    // a clock advanced or a job finished right after start is not missed.
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (store is SqliteSyncStore)
        {
            _timer = new PeriodicTimer(options.Value.Sqlite.IdleCheckpointInterval, time);
            // A job's writes are done when it finishes: the best moment to empty the log, before the app goes idle.
            _jobSubscription = jobs?.Subscribe(job =>
            {
                if (job.FinishedAt is not null)
                {
                    _wakeUps.Writer.TryWrite(true);
                }
                return Task.CompletedTask;
            });
        }
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not SqliteSyncStore sqlite || _timer is null)
        {
            return;
        }
        var ticks = TickAsync(_timer, stoppingToken);
        try
        {
            await foreach (var _ in _wakeUps.Reader.ReadAllAsync(stoppingToken))
            {
                Attempted?.Invoke(await StepAsync(sqlite, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        await ticks;
    }

    public override void Dispose()
    {
        _jobSubscription?.Dispose();
        _timer?.Dispose();
        base.Dispose();
    }

    // One attempt; never throws for a failed checkpoint (logged, and the next tick retries).
    internal async Task<LogTruncation> StepAsync(SqliteSyncStore sqlite, CancellationToken cancellationToken)
    {
        if (!sqlite.WrittenSinceTruncation)
        {
            return LogTruncation.NothingWritten;
        }
        try
        {
            var outcome = await sqlite.TruncateLogAsync(cancellationToken);
            logger.LogDebug("SQLite log truncation: {Outcome}", outcome);
            return outcome;
        }
        catch (Exception e) when (e is SqliteException or IOException)
        {
            logger.LogWarning(e, "SQLite log truncation failed; the next attempt retries");
            return LogTruncation.ReadersBusy;
        }
    }

    private async Task TickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                _wakeUps.Writer.TryWrite(true);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
