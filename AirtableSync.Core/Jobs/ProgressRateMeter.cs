namespace AirtableSync.Jobs;

// Records/s over a sliding window, and the ETA it implies. Not thread-safe: JobTracker calls it under its write gate.
internal sealed class ProgressRateMeter(TimeSpan window)
{
    // Sample at most ~32 times per window, so a handler reporting every record does not grow the list without bound.
    private readonly TimeSpan _sampleSpacing = window / 32;
    private readonly List<(DateTimeOffset At, long Completed)> _samples = [];
    private string? _phase;

    public (double? RatePerSecond, TimeSpan? EstimatedRemaining) Measure(string phase, long completed, long? total, DateTimeOffset now)
    {
        // A new phase counts different things (tables, then records, then revisions): its rate starts afresh.
        if (phase != _phase || (_samples.Count > 0 && completed < _samples[^1].Completed))
        {
            _samples.Clear();
            _phase = phase;
        }
        if (_samples.Count == 0 || now - _samples[^1].At >= _sampleSpacing)
        {
            _samples.Add((now, completed));
        }
        // Keep one sample at or before the window's start so the rate covers the whole window.
        var stale = 0;
        while (stale + 1 < _samples.Count && now - _samples[stale + 1].At >= window)
        {
            stale++;
        }
        _samples.RemoveRange(0, stale);

        var (oldestAt, oldestCompleted) = _samples[0];
        var elapsed = (now - oldestAt).TotalSeconds;
        if (elapsed <= 0)
        {
            return (null, null);
        }
        var rate = (completed - oldestCompleted) / elapsed;
        if (total is not { } known)
        {
            return (rate, null);
        }
        if (completed >= known)
        {
            return (rate, TimeSpan.Zero);
        }
        return rate > 0 ? (rate, TimeSpan.FromSeconds((known - completed) / rate)) : (rate, null);
    }
}
