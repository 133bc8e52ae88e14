using System.Collections.Concurrent;
using AirtableSync.Jobs;

namespace AirtableSync.Tests.Jobs;

/// <summary>What the test handlers saw and did, and the gates that hold them; one per test, shared by its hosts.</summary>
internal sealed class JobProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();
    private int _running;
    private int _maxRunning;

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public ConcurrentQueue<string> AttemptedItems { get; } = new();

    public ConcurrentQueue<long> PersistedCompletedAfterEachReport { get; } = new();

    public ConcurrentQueue<SeenContext> Contexts { get; } = new();

    public void Saw(JobContext context) =>
        Contexts.Enqueue(new SeenContext(context.JobId, context.ResumeOf, context.CheckpointScope, context.ParametersJson));

    public IDisposable Enter(string gate)
    {
        var running = Interlocked.Increment(ref _running);
        int max;
        while (running > (max = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, running, max) != max)
        {
        }
        Signal(_started, gate).TrySetResult();
        return new Exit(this);
    }

    public Task GateAsync(string gate, CancellationToken cancellationToken) => Signal(_gates, gate).Task.WaitAsync(cancellationToken);

    public void Release(string gate) => Signal(_gates, gate).TrySetResult();

    public bool HasStarted(string gate) => _started.TryGetValue(gate, out var started) && started.Task.IsCompleted;

    public Task WaitStartedAsync(string gate) =>
        Signal(_started, gate).Task.WaitAsync(JobsTestHost.Patience, Xunit.TestContext.Current.CancellationToken);

    private static TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> signals, string name) =>
        signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private sealed class Exit(JobProbe probe) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref probe._running);
    }
}

internal sealed record SeenContext(string JobId, string? ResumeOf, string CheckpointScope, string ParametersJson);
