namespace AirtableSync.Jobs;

public enum JobCancelOutcome
{
    NotFound,
    /// <summary>The job had already finished or was interrupted; nothing changed.</summary>
    NotCancellable,
    /// <summary>The job was still queued: it is Cancelled now and will never run.</summary>
    CancelledWhileQueued,
    /// <summary>The job is running: its token fired and it becomes Cancelled once the handler stops.</summary>
    CancellationRequested,
}
