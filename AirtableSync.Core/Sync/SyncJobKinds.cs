using AirtableSync.Storage;

namespace AirtableSync.Sync;

// The job kinds a SyncRun serves, so that callers asking for a mode queue the kind that does it.
public static class SyncJobKinds
{
    public static JobKind For(SyncMode mode) => mode == SyncMode.Full ? JobKind.FullSync : JobKind.IncrementalSync;

    // Kinds that read schema or records through the public API (revision sync reads the web endpoint).
    public static bool IsSync(JobKind kind) => kind is JobKind.FullSync or JobKind.IncrementalSync or JobKind.RecordSync or JobKind.SchemaSync;
}
