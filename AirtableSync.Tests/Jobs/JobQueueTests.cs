using AirtableSync.Jobs;
using Microsoft.Extensions.Options;

namespace AirtableSync.Tests.Jobs;

public sealed class JobQueueTests : IDisposable
{
    private static readonly Dictionary<string, string?> TinyQueue = new() { ["Jobs:QueueCapacity"] = "1", ["Jobs:MaxConcurrentJobs"] = "1" };
    private readonly TestDatabase _database = new();
    private readonly JobProbe _probe = new();

    public void Dispose() => _database.Dispose();

    private Task<JobsTestHost> StartTinyAsync() =>
        JobsTestHost.StartAsync(_database, _probe, h => h.AddJobHandler<GatedJobHandler>(JobKind.RecordSync), TinyQueue);

    [Fact]
    public async Task EnqueueWaitsWhileTheQueueIsFullAndGoesOnWhenTheRunnerTakesAJob()
    {
        await using var host = await StartTinyAsync();
        var running = await host.EnqueueAsync(JobKind.RecordSync, new GateParameters("a"));
        await _probe.WaitStartedAsync("a");
        var waiting = await host.EnqueueAsync(JobKind.RecordSync, new GateParameters("b"));

        var storedC = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = host.Notifier.Subscribe(job =>
        {
            if (job.ParametersJson.Contains("\"c\"", StringComparison.Ordinal))
            {
                storedC.TrySetResult(job.Id);
            }
            return Task.CompletedTask;
        });
        var blocked = host.EnqueueAsync(JobKind.RecordSync, new GateParameters("c"));
        var blockedId = await storedC.Task.WaitAsync(JobsTestHost.Patience, Xunit.TestContext.Current.CancellationToken);

        Assert.False(blocked.IsCompleted);
        Assert.Equal(JobStatus.Queued, (await host.GetStoredAsync(blockedId)).Status);
        _probe.Release("a");
        var enqueued = await blocked.WaitAsync(JobsTestHost.Patience, Xunit.TestContext.Current.CancellationToken);
        _probe.Release("b");
        _probe.Release("c");
        await host.WaitForStatusAsync(running.Id, JobStatus.Succeeded);
        await host.WaitForStatusAsync(waiting.Id, JobStatus.Succeeded);
        await host.WaitForStatusAsync(enqueued.Id, JobStatus.Succeeded);
    }

    [Fact]
    public async Task CancellingAnEnqueueThatWaitsOnAFullQueueMarksItsJobCancelled()
    {
        await using var host = await StartTinyAsync();
        await host.EnqueueAsync(JobKind.RecordSync, new GateParameters("a"));
        await _probe.WaitStartedAsync("a");
        await host.EnqueueAsync(JobKind.RecordSync, new GateParameters("b"));
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Xunit.TestContext.Current.CancellationToken);
        var stored = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = host.Notifier.Subscribe(job =>
        {
            if (job.Status == JobStatus.Queued && job.ParametersJson.Contains("\"c\"", StringComparison.Ordinal))
            {
                stored.TrySetResult(job.Id);
            }
            return Task.CompletedTask;
        });

        var blocked = host.Queue.EnqueueAsync(JobKind.RecordSync, new GateParameters("c"), giveUp.Token);
        var blockedId = await stored.Task.WaitAsync(JobsTestHost.Patience, Xunit.TestContext.Current.CancellationToken);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        var job = await host.GetStoredAsync(blockedId);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.Equal("Cancelled while waiting for room in the job queue.", job.Error);
        _probe.Release("a");
        _probe.Release("b");
    }

    [Fact]
    public async Task ParametersThatAreNotAJsonObjectAreRejectedAndNothingIsStored()
    {
        await using var host = await StartTinyAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.EnqueueAsync(JobKind.RecordSync, new[] { "app1", "app2" }));
        var reserved = await Assert.ThrowsAsync<ArgumentException>(() => host.EnqueueAsync(JobKind.RecordSync, new { ResumeOf = "x" }));

        Assert.Contains("JSON object", error.Message, StringComparison.Ordinal);
        Assert.Contains("reserved", reserved.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Store.ListJobsAsync(10, Xunit.TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("MaxConcurrentJobs", "0")]
    [InlineData("QueueCapacity", "0")]
    [InlineData("ProgressPersistInterval", "01:00:00")]
    [InlineData("ProgressRateWindow", "00:00:00")]
    public async Task InvalidJobsOptionsStopTheHostFromStarting(string option, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => JobsTestHost.StartAsync(_database, _probe,
            h => h.AddJobHandler<GatedJobHandler>(JobKind.RecordSync),
            new Dictionary<string, string?> { [$"Jobs:{option}"] = value }));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }
}
