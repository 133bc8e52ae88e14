using System.Threading.Channels;
using AirtableSync.Storage;
using Microsoft.Extensions.Options;

namespace AirtableSync.Jobs;

// The bounded queue of job ids between the UI and JobRunner. The job itself lives in the store
// from the moment it is queued, so it survives a restart (as Interrupted) even though the channel does not.
public sealed class JobQueue(IOptions<JobsOptions> options, IJobStore store, JobProgressNotifier notifier, TimeProvider time)
{
    private readonly Channel<string> _channel = Channel.CreateBounded<string>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    internal ChannelReader<string> Reader => _channel.Reader;

    // Stores a Queued job and queues it, waiting while the queue is full. If cancellationToken
    // fires while waiting, the stored job is marked Cancelled and the cancellation is rethrown.
    // parameters: Any object that serializes to a JSON object; handlers read it back with JobContext.GetParameters<T>.
    public Task<JobEntry> EnqueueAsync(JobKind kind, object parameters, CancellationToken cancellationToken = default) =>
        EnqueueJsonAsync(kind, JobParameters.Serialize(parameters), JobOrigin.Unknown, cancellationToken);

    // origin: Who asked (a user, an API key, the schedule), shown on the job.
    public Task<JobEntry> EnqueueAsync(JobKind kind, object parameters, JobOrigin origin, CancellationToken cancellationToken = default) =>
        EnqueueJsonAsync(kind, JobParameters.Serialize(parameters), origin, cancellationToken);

    internal async Task<JobEntry> EnqueueJsonAsync(JobKind kind, string parametersJson, JobOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var now = time.GetUtcNow();
        var job = new JobEntry
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            Kind = kind,
            Status = JobStatus.Queued,
            ParametersJson = parametersJson,
            Progress = JobProgress.NotStarted,
            CreatedAt = now,
            StartedAt = null,
            FinishedAt = null,
            Error = null,
            Failures = [],
            Trigger = origin.Trigger,
            RequestedBy = origin.RequestedBy,
        };
        await store.SaveJobAsync(job, cancellationToken);
        await notifier.PublishAsync(job);
        try
        {
            await _channel.Writer.WriteAsync(job.Id, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            var cancelled = job with { Status = JobStatus.Cancelled, FinishedAt = time.GetUtcNow(), Error = "Cancelled while waiting for room in the job queue." };
            await store.SaveJobAsync(cancelled, CancellationToken.None);
            await notifier.PublishAsync(cancelled);
            throw;
        }
        return job;
    }
}
