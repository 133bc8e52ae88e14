using System.Text.Json.Nodes;
using AirtableSync.Jobs;
using AirtableSync.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AirtableSync.Tests.Jobs;

public sealed class JobRestartTests : IDisposable
{
    private static readonly Dictionary<string, string?> OneAtATime = new() { ["Jobs:MaxConcurrentJobs"] = "1" };
    private readonly TestDatabase _database = new();
    private readonly JobProbe _probe = new();

    public void Dispose() => _database.Dispose();

    private static void Gated(IServiceCollection handlers) => handlers.AddJobHandler<GatedJobHandler>(JobKind.RecordSync);

    [Fact]
    public async Task StoppingTheAppInterruptsTheRunningJobAndARestartInterruptsTheQueuedOne()
    {
        string runningId, queuedId;
        await using (var first = await JobsTestHost.StartAsync(_database, _probe, Gated, OneAtATime))
        {
            runningId = (await first.EnqueueAsync(JobKind.RecordSync, new GateParameters("held"))).Id;
            queuedId = (await first.EnqueueAsync(JobKind.RecordSync, new GateParameters("behind"))).Id;
            await _probe.WaitStartedAsync("held");
        }

        await using var second = await JobsTestHost.StartAsync(_database, _probe, Gated, OneAtATime);

        var running = await second.GetStoredAsync(runningId);
        Assert.Equal(JobStatus.Interrupted, running.Status);
        Assert.Contains("application stopped", running.Error, StringComparison.Ordinal);
        var queued = await second.GetStoredAsync(queuedId);
        Assert.Equal(JobStatus.Interrupted, queued.Status);
        Assert.NotNull(queued.FinishedAt);
        Assert.False(_probe.HasStarted("behind"));
    }

    [Fact]
    public async Task RestartInterruptsAJobADeadProcessLeftRunning()
    {
        var at = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        using (var store = new SqliteSyncStore(_database.Path, NullLogger<SqliteSyncStore>.Instance))
        {
            await store.InitializeAsync(Xunit.TestContext.Current.CancellationToken);
            await store.SaveJobAsync(new JobEntry
            {
                Id = "crashed",
                Kind = JobKind.FullSync,
                Status = JobStatus.Running,
                ParametersJson = "{}",
                Progress = new JobProgress("records", "rec9", 9, 20, null, null),
                CreatedAt = at,
                StartedAt = at,
                FinishedAt = null,
                Error = null,
                Failures = [],
            }, Xunit.TestContext.Current.CancellationToken);
        }

        await using var host = await JobsTestHost.StartAsync(_database, _probe, Gated);

        var stored = await host.GetStoredAsync("crashed");
        Assert.Equal(JobStatus.Interrupted, stored.Status);
        Assert.Equal(9, stored.Progress.Completed);
    }

    [Fact]
    public async Task ResumeCreatesANewJobWithTheSameKindAndParametersLinkedToTheInterruptedOne()
    {
        string interruptedId;
        await using (var first = await JobsTestHost.StartAsync(_database, _probe, Gated, OneAtATime))
        {
            interruptedId = (await first.EnqueueAsync(JobKind.RecordSync, new GateParameters("held"))).Id;
            await _probe.WaitStartedAsync("held");
        }
        await using var second = await JobsTestHost.StartAsync(_database, _probe, Gated, OneAtATime);
        _probe.Release("held");

        var resumed = await second.Resumption.ResumeAsync(interruptedId, Xunit.TestContext.Current.CancellationToken);
        await second.WaitForStatusAsync(resumed.Id, JobStatus.Succeeded);

        Assert.NotEqual(interruptedId, resumed.Id);
        Assert.Equal(JobKind.RecordSync, resumed.Kind);
        var parameters = JsonNode.Parse(resumed.ParametersJson)?.AsObject();
        Assert.Equal("held", (string?)parameters?["gate"]);
        Assert.Equal(interruptedId, (string?)parameters?["resumeOf"]);
        var context = Assert.Single(_probe.Contexts, c => c.JobId == resumed.Id);
        Assert.Equal(interruptedId, context.ResumeOf);
        Assert.Equal($"job:{interruptedId}", context.CheckpointScope);
        Assert.Equal(JobStatus.Interrupted, (await second.GetStoredAsync(interruptedId)).Status);
    }

    [Fact]
    public async Task ResumingAResumedJobKeepsTheFirstJobsCheckpointScope()
    {
        await using var host = await JobsTestHost.StartAsync(_database, _probe, Gated, OneAtATime);
        var first = await host.EnqueueAsync(JobKind.RecordSync, new GateParameters("held"));
        await host.WaitForStatusAsync(first.Id, JobStatus.Running);
        await host.Cancellation.CancelAsync(first.Id, Xunit.TestContext.Current.CancellationToken);
        await host.WaitForStatusAsync(first.Id, JobStatus.Cancelled);
        var second = await host.Resumption.ResumeAsync(first.Id, Xunit.TestContext.Current.CancellationToken);
        await host.WaitForStatusAsync(second.Id, JobStatus.Running);
        await host.Cancellation.CancelAsync(second.Id, Xunit.TestContext.Current.CancellationToken);
        await host.WaitForStatusAsync(second.Id, JobStatus.Cancelled);
        _probe.Release("held");

        var third = await host.Resumption.ResumeAsync(second.Id, Xunit.TestContext.Current.CancellationToken);
        await host.WaitForStatusAsync(third.Id, JobStatus.Succeeded);

        var context = Assert.Single(_probe.Contexts, c => c.JobId == third.Id);
        Assert.Equal(second.Id, context.ResumeOf);
        Assert.Equal($"job:{first.Id}", context.CheckpointScope);
        Assert.Equal($"job:{first.Id}", Assert.Single(_probe.Contexts, c => c.JobId == first.Id).CheckpointScope);
    }

    [Fact]
    public async Task ResumeRejectsUnknownJobsAndJobsThatDidNotStopEarly()
    {
        await using var host = await JobsTestHost.StartAsync(_database, _probe, Gated);
        var done = await host.EnqueueAsync(JobKind.RecordSync, new GateParameters("open"));
        _probe.Release("open");
        await host.WaitForStatusAsync(done.Id, JobStatus.Succeeded);

        var unknown = await Assert.ThrowsAsync<KeyNotFoundException>(() => host.Resumption.ResumeAsync("no-such-job", Xunit.TestContext.Current.CancellationToken));
        var finished = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Resumption.ResumeAsync(done.Id, Xunit.TestContext.Current.CancellationToken));

        Assert.Contains("does not exist", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("only interrupted, failed or cancelled", finished.Message, StringComparison.Ordinal);
        Assert.Single(await host.Store.ListJobsAsync(10, Xunit.TestContext.Current.CancellationToken));
    }
}
