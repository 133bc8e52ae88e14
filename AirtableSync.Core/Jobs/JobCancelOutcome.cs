namespace AirtableSync.Jobs;

public enum JobCancelOutcome
{
    NotFound,
    // The job had already finished or was interrupted; nothing changed.
    NotCancellable,
    // The job was still queued: it is Cancelled now and will never run.
    CancelledWhileQueued,
    // The job is running: its token fired and it becomes Cancelled once the handler stops.
    CancellationRequested,
}
