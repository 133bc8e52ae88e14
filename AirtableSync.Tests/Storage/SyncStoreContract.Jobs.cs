using AirtableSync.Storage;

namespace AirtableSync.Tests.Storage;

public abstract partial class SyncStoreContract
{
    private static JobEntry Job(string id, JobStatus status, int createdMinute) => new()
    {
        Id = id,
        Kind = JobKind.FullSync,
        Status = status,
        ParametersJson = """{"bases":["appBase"],"mode":"full"}""",
        Progress = JobProgress.NotStarted,
        CreatedAt = T0.AddMinutes(createdMinute),
        StartedAt = null,
        FinishedAt = null,
        Error = null,
        Failures = [],
    };

    [Fact]
    public async Task JobStateRoundTripsWithProgressAndFailures()
    {
        var job = Job("job1", JobStatus.Running, 0) with
        {
            Progress = new JobProgress("records", "tblTable", 250, 1000, 41.5, TimeSpan.FromSeconds(18.25)),
            StartedAt = T0.AddMinutes(1),
            FinishedAt = T0.AddMinutes(9),
            Error = "boom",
            Failures = [new JobFailure("rec1", "bad cell", T0.AddMinutes(2)), new JobFailure("rec2", "timeout", T0.AddMinutes(3))],
        };

        await Store.SaveJobAsync(job, Token);
        var stored = await Store.GetJobAsync("job1", Token);

        Assert.NotNull(stored);
        Assert.Equal(job with { Failures = [], Tables = [], Log = [] }, stored with { Failures = [], Tables = [], Log = [] });
        Assert.Equal(job.Failures, stored.Failures);
        Assert.Null(await Store.GetJobAsync("jobMissing", Token));
    }

    [Fact]
    public async Task AJobKeepsWhoStartedItItsPerTableCountsAndItsSteps()
    {
        var job = Job("job1", JobStatus.Succeeded, 0) with
        {
            Trigger = JobTrigger.Resume,
            RequestedBy = "Ada Lovelace",
            Tables =
            [
                new JobTableCounts("appBase", "Marketing", "tblCampaigns", "Campaigns", 462, 4, 1, 0, 1_204),
                new JobTableCounts("appBase", null, "tblEmpty", "Empty", 0, 0, 0, 0, 0),
            ],
            Log = [new JobLogLine(T0.AddSeconds(1), "Base Marketing: schema, 2 tables"), new JobLogLine(T0.AddSeconds(9), "Campaigns: 462 records seen, 4 added, 1 changed, 0 deleted")],
        };

        await Store.SaveJobAsync(job, Token);
        var first = await Store.GetJobAsync("job1", Token);
        // Counts and steps are replaced as a whole by the next save, as the running job grows them.
        await Store.SaveJobAsync(job with { Tables = job.Tables.Take(1).ToList(), Log = [.. job.Log, new JobLogLine(T0.AddSeconds(10), "done")] }, Token);
        var second = (await Store.ListJobsAsync(1, Token)).Single();

        Assert.Equal((JobTrigger.Resume, "Ada Lovelace"), (first?.Trigger, first?.RequestedBy));
        Assert.Equal(job.Tables, first?.Tables);
        Assert.Equal(job.Log, first?.Log);
        Assert.Equal(job.Tables.Take(1), second.Tables);
        Assert.Equal(["Base Marketing: schema, 2 tables", "Campaigns: 462 records seen, 4 added, 1 changed, 0 deleted", "done"], second.Log.Select(l => l.Text));
    }

    [Fact]
    public async Task AJobSavedWithoutAnOriginLoadsAsUnknownWithNoCountsOrSteps()
    {
        await Store.SaveJobAsync(Job("job1", JobStatus.Queued, 0), Token);

        var stored = await Store.GetJobAsync("job1", Token);

        Assert.Equal(JobTrigger.Unknown, stored?.Trigger);
        Assert.Null(stored?.RequestedBy);
        Assert.Empty(stored?.Tables ?? [null!]);
        Assert.Empty(stored?.Log ?? [null!]);
    }

    [Fact]
    public async Task SavingAJobKeepsFailuresAppendedMeanwhile()
    {
        var job = Job("job1", JobStatus.Running, 0);
        await Store.SaveJobAsync(job, Token);
        var appended = new JobFailure("rec1", "bad cell", T0.AddMinutes(1));
        await Store.AddJobFailureAsync("job1", appended, Token);

        var own = new JobFailure("rec2", "timeout", T0.AddMinutes(2));
        await Store.SaveJobAsync(job with { Status = JobStatus.PartiallySucceeded, Failures = [own] }, Token);
        await Store.SaveJobAsync(job with { Status = JobStatus.PartiallySucceeded, Failures = [appended, own] }, Token);

        var stored = await Store.GetJobAsync("job1", Token);
        Assert.Equal(JobStatus.PartiallySucceeded, stored?.Status);
        Assert.Equal([appended, own], stored?.Failures);
    }

    [Fact]
    public async Task AddingAFailureToAnUnknownJobFailsClearly()
    {
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(
            () => Store.AddJobFailureAsync("jobMissing", new JobFailure("rec1", "x", T0), Token));

        Assert.Contains("jobMissing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParallelJobFailureAppendsAreAllKept()
    {
        await Store.SaveJobAsync(Job("job1", JobStatus.Running, 0), Token);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => Store.AddJobFailureAsync("job1", new JobFailure($"rec{i}", "failed", T0), Token), Token)));

        var stored = await Store.GetJobAsync("job1", Token);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"rec{i}").Order(StringComparer.Ordinal),
            stored?.Failures.Select(f => f.Item).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task InterruptUnfinishedJobsMarksOnlyQueuedAndRunningJobs()
    {
        foreach (var (id, status) in new[] { ("jobQ", JobStatus.Queued), ("jobR", JobStatus.Running), ("jobS", JobStatus.Succeeded), ("jobF", JobStatus.Failed) })
        {
            await Store.SaveJobAsync(Job(id, status, 0), Token);
        }

        var interrupted = await Store.InterruptUnfinishedJobsAsync(T0.AddHours(1), Token);

        Assert.Equal(["jobQ", "jobR"], interrupted.Order(StringComparer.Ordinal));
        var running = await Store.GetJobAsync("jobR", Token);
        Assert.Equal(JobStatus.Interrupted, running?.Status);
        Assert.Equal(T0.AddHours(1), running?.FinishedAt);
        Assert.Equal(JobStatus.Succeeded, (await Store.GetJobAsync("jobS", Token))?.Status);
        Assert.Empty(await Store.InterruptUnfinishedJobsAsync(T0.AddHours(2), Token));
    }

    [Fact]
    public async Task ListJobsReturnsTheNewestFirstUpToTheLimit()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.SaveJobAsync(Job($"job{i}", JobStatus.Succeeded, i), Token);
        }
        await Store.AddJobFailureAsync("job4", new JobFailure("rec1", "x", T0), Token);

        var jobs = await Store.ListJobsAsync(3, Token);

        Assert.Equal(["job4", "job3", "job2"], jobs.Select(j => j.Id));
        Assert.Single(jobs[0].Failures);
    }
}
