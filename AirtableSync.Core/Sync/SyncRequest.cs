namespace AirtableSync.Sync;

public enum SyncMode { Full, Incremental }

// What a sync job was asked to do; stored as the job's parameters so an interrupted job can resume.
// BaseIds: Bases to sync; null or empty for every base the connection can see.
// Whether records are scanned fully or incrementally is the job's kind, not a parameter.
public sealed record SyncRequest(IReadOnlyList<string>? BaseIds = null, bool IncludeRevisions = false);
