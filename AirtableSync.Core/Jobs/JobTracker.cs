using System.Collections.Immutable;
using AirtableSync.Storage;

namespace AirtableSync.Jobs;

// The live state of one running job. Every change goes through one gate, so subscribers see changes in the
// order they happened and a throttled progress write can never overwrite a newer state or failure list.
internal sealed class JobTracker(JobEntry initial, IJobStore store, JobProgressNotifier notifier, TimeProvider time, JobsOptions options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ProgressRateMeter _rate = new(options.ProgressRateWindow);
    private readonly JobReport _report = new(initial);
    private ImmutableList<JobFailure> _failures = [.. initial.Failures];
    private JobEntry _current = initial;
    private DateTimeOffset? _progressPersistedAt;

    public JobEntry Current => Volatile.Read(ref _current);

    public int FailureCount => Volatile.Read(ref _failures).Count;

    public DateTimeOffset Now => time.GetUtcNow();

    // State changes are always persisted, even while the app is stopping, so a restart shows what happened.
    public async Task SetStateAsync(Func<JobEntry, JobEntry> change)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            var next = _report.ApplyTo(change(_current) with { Failures = _failures });
            await store.SaveJobAsync(WithoutFailures(next), CancellationToken.None);
            _progressPersistedAt = time.GetUtcNow();
            await PublishAsync(next);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task ReportProgressAsync(string phase, string? currentItem, long completed, long? total, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var (rate, remaining) = _rate.Measure(phase, completed, total, now);
            var next = _report.ApplyTo(_current with { Progress = new JobProgress(phase, currentItem, completed, total, rate, remaining) });
            if (_progressPersistedAt is not { } persistedAt || now - persistedAt >= options.ProgressPersistInterval)
            {
                await store.SaveJobAsync(WithoutFailures(next), cancellationToken);
                _progressPersistedAt = now;
            }
            await PublishAsync(next);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task RecordFailureAsync(string item, string message, CancellationToken cancellationToken)
    {
        var failure = new JobFailure(item, message, time.GetUtcNow());
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await store.AddJobFailureAsync(_current.Id, failure, cancellationToken);
            Volatile.Write(ref _failures, _failures.Add(failure));
            _report.Log(new JobLogLine(failure.At, $"Failed: {item}: {message}"));
            await PublishAsync(_report.ApplyTo(_current with { Failures = _failures }));
        }
        finally
        {
            _gate.Release();
        }
    }

    // Counts are published and saved with the next progress or state change; the scans report progress after every write.
    public void CountTable(JobTableCounts delta) => _report.Count(delta);

    // A step is saved at once (steps are few: one per base and table), so a restart still shows how far the job got.
    public async Task LogAsync(string text, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _report.Log(new JobLogLine(time.GetUtcNow(), text));
            var next = _report.ApplyTo(_current);
            await store.SaveJobAsync(WithoutFailures(next), cancellationToken);
            _progressPersistedAt = time.GetUtcNow();
            await PublishAsync(next);
        }
        finally
        {
            _gate.Release();
        }
    }

    // Failures reach the store one by one through AddJobFailureAsync, and SaveJobAsync merges (never replaces)
    // the list it is given; re-sending thousands of failures with every progress write would only cost time.
    private static JobEntry WithoutFailures(JobEntry job) => job with { Failures = [] };

    public void Dispose() => _gate.Dispose();

    private Task PublishAsync(JobEntry next)
    {
        Volatile.Write(ref _current, next);
        return notifier.PublishAsync(next);
    }
}
