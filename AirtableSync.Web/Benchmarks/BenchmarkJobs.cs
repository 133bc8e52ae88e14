using AirtableSync.Jobs;

namespace AirtableSync.Web.Benchmarks;

// Through the real queue and runner; the end is pushed by the notifier, not polled.
public static class BenchmarkJobs
{
    public static async Task<JobEntry> RunAsync(IHost host, JobKind kind, object parameters, CancellationToken cancellationToken)
    {
        var job = await host.Services.GetRequiredService<JobQueue>().EnqueueAsync(kind, parameters, cancellationToken);
        var finished = await host.Services.GetRequiredService<JobWaiter>().WaitUntilFinishedAsync(job.Id, cancellationToken);
        return finished.Status == JobStatus.Succeeded
            ? finished
            : throw new InvalidOperationException($"Benchmark job {kind} ended {finished.Status}: {finished.Error} {string.Join("; ", finished.Failures.Take(3).Select(f => f.Message))}");
    }
}
