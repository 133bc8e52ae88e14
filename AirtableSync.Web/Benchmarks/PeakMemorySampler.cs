using System.Diagnostics;

namespace AirtableSync.Web.Benchmarks;

// Sampled every 50 ms: the process-wide PeakWorkingSet64 would mix runs.
public sealed class PeakMemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public PeakMemorySampler()
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    public double PeakMb
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak) / (1024.0 * 1024.0);
        }
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        var current = process.WorkingSet64;
        long seen;
        while (current > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, current, seen) != seen)
        {
        }
    }

    public void Dispose() => _timer.Dispose();
}
