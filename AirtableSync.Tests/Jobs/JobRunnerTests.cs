using AirtableSync.Jobs;

namespace AirtableSync.Tests.Jobs;

public sealed class JobRunnerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly JobProbe _probe = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task RunnerRunsAQueuedJobToSucceeded()
    {
        await using var host = await JobsTestHost.StartAsync(_database, _probe, h => h.AddJobHandler<ClockedProgressJobHandler>(JobKind.RecordSync));

        var queued = await host.EnqueueAsync(JobKind.RecordSync, new ClockedProgressParameters([0, 500, 500], Total: 3));
        var done = await host.WaitForAsync(queued.Id, j => j.IsFinished, "a final state");

        Assert.Equal(JobStatus.Queued, queued.Status);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        var stored = await host.GetStoredAsync(queued.Id);
        Assert.Equal(JobStatus.Succeeded, stored.Status);
        Assert.Null(stored.Error);
        Assert.NotNull(stored.StartedAt);
        Assert.NotNull(stored.FinishedAt);
        Assert.Equal(3, stored.Progress.Completed);
        Assert.Equal(3, stored.Progress.Total);
        Assert.Equal(JobKind.RecordSync, stored.Kind);
    }

    [Fact]
    public async Task RunnerRecordsPartiallySucceededWithTheFailuresTheHandlerRecorded()
    {
        await using var host = await JobsTestHost.StartAsync(_database, _probe, h => h.AddJobHandler<ItemsJobHandler>(JobKind.RecordSync));

        var job = await host.EnqueueAsync(JobKind.RecordSync, new ItemsParameters(["rec1", "rec2", "rec3", "rec4"], Failing: ["rec2", "rec4"]));
        await host.WaitForAsync(job.Id, j => j.IsFinished, "a final state");

        var stored = await host.GetStoredAsync(job.Id);
        Assert.Equal(JobStatus.PartiallySucceeded, stored.Status);
        Assert.Equal(["rec2", "rec4"], stored.Failures.Select(f => f.Item));
        Assert.Equal("Record rec2 has a cell that could not be read.", stored.Failures[0].Message);
        Assert.Equal(["rec1", "rec2", "rec3", "rec4"], _probe.AttemptedItems);
        Assert.Contains("2 item(s) failed", stored.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunnerMarksJobFailedWhenHandlerThrowsAndKeepsProcessingTheNextJob()
    {
        await using var host = await JobsTestHost.StartAsync(_database, _probe, h => h
            .AddJobHandler<ThrowingJobHandler>(JobKind.SchemaSync)
            .AddJobHandler<ItemsJobHandler>(JobKind.RecordSync),
            new Dictionary<string, string?> { ["Jobs:MaxConcurrentJobs"] = "1" });

        var failing = await host.EnqueueAsync(JobKind.SchemaSync, new ThrowParameters("The base schema could not be read."));
        var next = await host.EnqueueAsync(JobKind.RecordSync, new ItemsParameters(["rec1"], Failing: []));

        var failed = await host.WaitForAsync(failing.Id, j => j.IsFinished, "a final state");
        var succeeded = await host.WaitForAsync(next.Id, j => j.IsFinished, "a final state");
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Equal("The base schema could not be read.", (await host.GetStoredAsync(failing.Id)).Error);
        Assert.Equal(JobStatus.Succeeded, succeeded.Status);
    }

    [Fact]
    public async Task InternalErrorsAreReportedWithoutTheirDeveloperMessage()
    {
        await using var host = await JobsTestHost.StartAsync(_database, _probe, h => h.AddJobHandler<ThrowingJobHandler>(JobKind.SchemaSync));

        var job = await host.EnqueueAsync(JobKind.SchemaSync, new ThrowParameters("The method or operation is not implemented.", AsBug: true));
        await host.WaitForStatusAsync(job.Id, JobStatus.Failed);

        Assert.Equal("An internal error stopped this job (NotImplementedException); the application log has the details.",
            (await host.GetStoredAsync(job.Id)).Error);
    }

    [Fact]
    public async Task AuthenticationFailureFailsTheJobAtOnceWithItsMessage()
    {
        await using var host = await JobsTestHost.StartAsync(_database, _probe, h => h.AddJobHandler<ItemsJobHandler>(JobKind.FullSync));

        var job = await host.EnqueueAsync(JobKind.FullSync, new ItemsParameters(["rec1", "rec2", "rec3"], Failing: [], AuthFailsAt: "rec2"));
        await host.WaitForAsync(job.Id, j => j.IsFinished, "a final state");

        var stored = await host.GetStoredAsync(job.Id);
        Assert.Equal(JobStatus.Failed, stored.Status);
        Assert.Equal("The personal access token was revoked; reconnect the account.", stored.Error);
        Assert.Empty(stored.Failures);
        Assert.Equal(["rec1", "rec2"], _probe.AttemptedItems);
    }

    [Fact]
    public async Task JobOfAKindWithoutHandlerFailsWithAClearError()
    {
        await using var host = await JobsTestHost.StartAsync(_database, _probe, h => h.AddJobHandler<ItemsJobHandler>(JobKind.RecordSync));

        var job = await host.EnqueueAsync(JobKind.RevisionSync, new ItemsParameters([], []));
        var done = await host.WaitForAsync(job.Id, j => j.IsFinished, "a final state");

        Assert.Equal(JobStatus.Failed, done.Status);
        Assert.Equal("No handler is registered for RevisionSync jobs.", (await host.GetStoredAsync(job.Id)).Error);
    }

    [Fact]
    public async Task RunnerNeverRunsMoreJobsAtOnceThanConfigured()
    {
        await using var host = await JobsTestHost.StartAsync(_database, _probe, h => h.AddJobHandler<GatedJobHandler>(JobKind.RecordSync),
            new Dictionary<string, string?> { ["Jobs:MaxConcurrentJobs"] = "2" });
        string[] gates = ["a", "b", "c", "d"];
        var jobs = new List<JobEntry>();
        foreach (var gate in gates)
        {
            jobs.Add(await host.EnqueueAsync(JobKind.RecordSync, new GateParameters(gate)));
        }

        await _probe.WaitStartedAsync("a");
        await _probe.WaitStartedAsync("b");
        Assert.False(_probe.HasStarted("c"));
        Assert.False(_probe.HasStarted("d"));
        Assert.Equal(JobStatus.Queued, (await host.GetStoredAsync(jobs[2].Id)).Status);

        _probe.Release("a");
        await _probe.WaitStartedAsync("c");
        _probe.Release("b");
        _probe.Release("c");
        _probe.Release("d");
        foreach (var job in jobs)
        {
            await host.WaitForStatusAsync(job.Id, JobStatus.Succeeded);
        }
        Assert.Equal(2, _probe.MaxRunning);
    }
}
