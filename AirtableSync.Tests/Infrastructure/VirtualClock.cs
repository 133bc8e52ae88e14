using System.Globalization;

namespace AirtableSync.Tests.Infrastructure;

/// <summary>
/// A clock shared by the code under test and the fake Airtable that moves only when every caller of a test is
/// parked on a delay (a rate-limit wait, a retry back-off, a penalty). Time then jumps to the earliest due delay,
/// so a request's send time and its arrival time at the fake are the same instant: gaps between requests are
/// exactly what the client scheduled, whatever the machine's load. Attempt time-outs (timers whose state is a
/// <see cref="CancellationTokenSource"/>) run on this clock too but do not count as parking.
/// </summary>
internal sealed class VirtualClock : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = DateTimeOffset.Parse("2026-03-02T09:00:00Z", CultureInfo.InvariantCulture);

    private readonly Lock _lock = new();
    private readonly List<VirtualTimer> _timers = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset _now;

    public VirtualClock(DateTimeOffset? start = null) => _now = start ?? DefaultStart;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Delays now pending whose end some caller is waiting for (not attempt time-outs).</summary>
    public int ParkedCallers
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(t => t.State is not CancellationTokenSource);
            }
        }
    }

    /// <summary>Runs <paramref name="callers"/> to completion, moving the clock whenever all that are still running are parked.</summary>
    public async Task RunAsync(IReadOnlyCollection<Task> callers, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (callers.Any(c => !c.IsCompleted))
        {
            var running = callers.Count(c => !c.IsCompleted);
            if (ParkedCallers >= running && FireEarliest())
            {
                continue;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{running} caller(s) neither finished nor parked; {ParkedCallers} parked at {GetUtcNow():O}. Timers: {Describe()}");
            }
            // Woken by any timer change or finished caller; the bound only guards against a missed signal.
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }
            if (ParkedCallers < callers.Count(c => !c.IsCompleted))
            {
                await Task.WhenAny(changed, Task.WhenAny(callers.Where(c => !c.IsCompleted)), Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken));
            }
        }
        await Task.WhenAll(callers);
    }

    public async Task<T> RunAsync<T>(Func<Task<T>> caller, CancellationToken cancellationToken)
    {
        var task = Task.Run(caller, cancellationToken);
        await RunAsync([task], cancellationToken);
        return await task;
    }

    /// <summary>Moves the clock to the earliest parked delay (never backwards) and fires every timer due by then.</summary>
    private bool FireEarliest()
    {
        List<VirtualTimer> due;
        lock (_lock)
        {
            var parked = _timers.Where(t => t.State is not CancellationTokenSource).ToList();
            if (parked.Count == 0)
            {
                return false;
            }
            var at = parked.Min(t => t.DueAt);
            if (at > _now)
            {
                _now = at;
            }
            due = [.. _timers.Where(t => t.DueAt <= _now)];
            foreach (var timer in due)
            {
                timer.Rearm(_now);
            }
        }
        foreach (var timer in due)
        {
            timer.Fire();
        }
        return true;
    }

    private string Describe()
    {
        lock (_lock)
        {
            return string.Join("; ", _timers.Select(t => $"{t.State?.GetType().Name} due {t.DueAt:HH:mm:ss.fff}"));
        }
    }

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    private sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public object? State => state;

        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._lock)
            {
                clock._timers.Remove(this);
                _period = period;
                DueAt = clock._now + (dueTime == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : dueTime);
                if (dueTime != Timeout.InfiniteTimeSpan && dueTime > TimeSpan.Zero)
                {
                    clock._timers.Add(this);
                }
            }
            if (dueTime == TimeSpan.Zero)
            {
                // Due at once: fire as a system timer would, on the thread pool, without waiting for the clock.
                ThreadPool.QueueUserWorkItem(_ => Fire());
            }
            clock.Signal();
            return true;
        }

        /// <summary>Called under the clock's lock: a periodic timer is due again one period later, a one-shot is gone.</summary>
        public void Rearm(DateTimeOffset now)
        {
            clock._timers.Remove(this);
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                DueAt = now + _period;
                clock._timers.Add(this);
            }
        }

        public void Fire()
        {
            callback(state);
            clock.Signal();
        }

        public void Dispose()
        {
            lock (clock._lock)
            {
                clock._timers.Remove(this);
            }
            clock.Signal();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
