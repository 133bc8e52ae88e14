using AirtableSync.Jobs;

namespace AirtableSync.Sync;

/// <summary>
/// Work that runs inside a sync job after its records are stored (revision history registers one), so that
/// the sync feature does not depend on features built on top of it.
/// </summary>
public interface ISyncFollowUp
{
    Task RunAsync(JobContext job, SyncRequest request, IReadOnlyList<string> baseIds, CancellationToken cancellationToken);
}
