using AirtableSync.Jobs;

namespace AirtableSync.Tests.Jobs;

public sealed class JobCancellationTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly JobProbe _probe = new();

    public void Dispose() => _database.Dispose();

    private Task<JobsTestHost> StartAsync() =>
        JobsTestHost.StartAsync(_database, _probe, h => h.AddJobHandler<GatedJobHandler>(JobKind.RecordSync),
            new Dictionary<string, string?> { ["Jobs:MaxConcurrentJobs"] = "1" });

    [Fact]
    public async Task CancellingAQueuedJobMarksItCancelledAndItNeverRuns()
    {
        await using var host = await StartAsync();
        var running = await host.EnqueueAsync(JobKind.RecordSync, new GateParameters("running"));
        var queued = await host.EnqueueAsync(JobKind.RecordSync, new GateParameters("queued"));
        var after = await host.EnqueueAsync(JobKind.RecordSync, new GateParameters("after"));
        await _probe.WaitStartedAsync("running");

        var outcome = await host.Cancellation.CancelAsync(queued.Id, Xunit.TestContext.Current.CancellationToken);

        Assert.Equal(JobCancelOutcome.CancelledWhileQueued, outcome);
        Assert.Equal(JobStatus.Cancelled, (await host.GetStoredAsync(queued.Id)).Status);
        _probe.Release("running");
        _probe.Release("after");
        // The runner dequeues in order, so once "after" has run the cancelled job was taken and skipped.
        await host.WaitForStatusAsync(after.Id, JobStatus.Succeeded);
        await host.WaitForStatusAsync(running.Id, JobStatus.Succeeded);
        Assert.False(_probe.HasStarted("queued"));
        var stored = await host.GetStoredAsync(queued.Id);
        Assert.Equal(JobStatus.Cancelled, stored.Status);
        Assert.Null(stored.StartedAt);
        Assert.NotNull(stored.FinishedAt);
    }

    [Fact]
    public async Task CancellingARunningJobFiresItsTokenAndMarksItCancelled()
    {
        await using var host = await StartAsync();
        var job = await host.EnqueueAsync(JobKind.RecordSync, new GateParameters("never released"));
        await _probe.WaitStartedAsync("never released");

        var outcome = await host.Cancellation.CancelAsync(job.Id, Xunit.TestContext.Current.CancellationToken);
        var cancelled = await host.WaitForAsync(job.Id, j => j.IsFinished, "a final state");

        Assert.Equal(JobCancelOutcome.CancellationRequested, outcome);
        Assert.Equal(JobStatus.Cancelled, cancelled.Status);
        Assert.Equal("Cancelled by the user.", (await host.GetStoredAsync(job.Id)).Error);

        var next = await host.EnqueueAsync(JobKind.RecordSync, new GateParameters("next"));
        _probe.Release("next");
        await host.WaitForStatusAsync(next.Id, JobStatus.Succeeded);
    }

    [Fact]
    public async Task CancellingAnUnknownOrFinishedJobChangesNothing()
    {
        await using var host = await StartAsync();
        var job = await host.EnqueueAsync(JobKind.RecordSync, new GateParameters("quick"));
        _probe.Release("quick");
        await host.WaitForStatusAsync(job.Id, JobStatus.Succeeded);

        Assert.Equal(JobCancelOutcome.NotFound, await host.Cancellation.CancelAsync("no-such-job", Xunit.TestContext.Current.CancellationToken));
        Assert.Equal(JobCancelOutcome.NotCancellable, await host.Cancellation.CancelAsync(job.Id, Xunit.TestContext.Current.CancellationToken));
        Assert.Equal(JobStatus.Succeeded, (await host.GetStoredAsync(job.Id)).Status);
    }
}
