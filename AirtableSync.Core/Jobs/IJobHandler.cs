namespace AirtableSync.Jobs;

/// <summary>
/// Does the work of one <see cref="JobKind"/>. Resolved from a fresh DI scope per job, so a handler may take
/// scoped dependencies. Register with <c>services.AddJobHandler&lt;THandler&gt;(JobKind.X)</c>.
/// </summary>
/// <remarks>
/// Contract: honour <paramref name="cancellationToken"/> (it fires on user cancel and on app shutdown);
/// report progress through <see cref="JobContext.ReportProgressAsync"/>; record per-item problems with
/// <see cref="JobContext.RecordFailureAsync"/> (or <see cref="JobContext.RunItemAsync"/>) and keep going;
/// throw for anything that makes the whole job pointless. Exceptions implementing
/// <see cref="IFailFastException"/> must never be swallowed per item.
/// </remarks>
public interface IJobHandler
{
    JobKind Kind { get; }

    Task RunAsync(JobContext context, CancellationToken cancellationToken);
}
