using System.Collections.Concurrent;
using AirtableSync.Jobs;

namespace AirtableSync.Tests.Jobs;

public sealed class JobProgressTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly JobProbe _probe = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ProgressReachesSubscribersInOrderAndIsPersistedAtMostOncePerInterval()
    {
        await using var host = await JobsTestHost.StartAsync(_database, _probe, h => h.AddJobHandler<ClockedProgressJobHandler>(JobKind.RecordSync),
            new Dictionary<string, string?> { ["Jobs:ProgressPersistInterval"] = "00:00:01", ["Jobs:ProgressRateWindow"] = "00:00:30" });
        var seen = new ConcurrentQueue<JobEntry>();
        // The store says Succeeded a moment before subscribers hear it: wait for what the subscriber heard.
        var heardFinished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = host.Notifier.Subscribe(job =>
        {
            seen.Enqueue(job);
            if (job.Status == JobStatus.Succeeded)
            {
                heardFinished.TrySetResult();
            }
            return Task.CompletedTask;
        });

        // Reports at t = 1.0, 1.3, 1.6, 2.1, 2.4 and 3.2 s after the job started running.
        var job = await host.EnqueueAsync(JobKind.RecordSync, new ClockedProgressParameters([1000, 300, 300, 500, 300, 800], Total: 10));
        await host.WaitForStatusAsync(job.Id, JobStatus.Succeeded);
        await heardFinished.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var events = seen.Where(e => e.Id == job.Id).ToList();
        Assert.Equal(
            [JobStatus.Queued, JobStatus.Running, .. Enumerable.Repeat(JobStatus.Running, 6), JobStatus.Succeeded],
            events.Select(e => e.Status));
        Assert.Equal([1L, 2, 3, 4, 5, 6], events.Skip(2).Take(6).Select(e => e.Progress.Completed));
        // Only the reports at 1.0 s, 2.1 s and 3.2 s were a full interval after the previous write.
        Assert.Equal([1L, 1, 1, 4, 4, 6], _probe.PersistedCompletedAfterEachReport);

        var last = events[^2].Progress;
        Assert.Equal("records", last.Phase);
        Assert.Equal("rec6", last.CurrentItem);
        Assert.Equal(5 / 2.2, last.RatePerSecond ?? 0, precision: 6);
        Assert.Equal(4 / (5 / 2.2), last.EstimatedRemaining?.TotalSeconds ?? 0, precision: 3);
        Assert.Equal(6, (await host.GetStoredAsync(job.Id)).Progress.Completed);
    }

    [Fact]
    public async Task SubscriberThatThrowsNeitherBreaksTheJobNorOtherSubscribers()
    {
        await using var host = await JobsTestHost.StartAsync(_database, _probe, h => h.AddJobHandler<ClockedProgressJobHandler>(JobKind.RecordSync));
        using var broken = host.Notifier.Subscribe(_ => throw new InvalidOperationException("a component that was torn down"));
        var seen = new ConcurrentQueue<long>();
        var heardFinished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var healthy = host.Notifier.Subscribe(job =>
        {
            seen.Enqueue(job.Progress.Completed);
            if (job.Status == JobStatus.Succeeded)
            {
                heardFinished.TrySetResult();
            }
            return Task.CompletedTask;
        });

        var job = await host.EnqueueAsync(JobKind.RecordSync, new ClockedProgressParameters([10, 10, 10], Total: 3));

        await host.WaitForStatusAsync(job.Id, JobStatus.Succeeded);
        await heardFinished.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal([0L, 0, 1, 2, 3, 3], seen);
    }

    [Fact]
    public async Task DisposedSubscriptionReceivesNothingMore()
    {
        await using var host = await JobsTestHost.StartAsync(_database, _probe, h => h.AddJobHandler<ClockedProgressJobHandler>(JobKind.RecordSync));
        var calls = 0;
        host.Notifier.Subscribe(_ => { Interlocked.Increment(ref calls); return Task.CompletedTask; }).Dispose();

        var job = await host.EnqueueAsync(JobKind.RecordSync, new ClockedProgressParameters([10], Total: 1));

        await host.WaitForStatusAsync(job.Id, JobStatus.Succeeded);
        Assert.Equal(0, Volatile.Read(ref calls));
    }
}
