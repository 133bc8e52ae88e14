namespace AirtableSync.Jobs;

// Who asked for a job, kept on it so that a person can tell a scheduled run from someone's click.
public sealed record JobOrigin(JobTrigger Trigger, string? RequestedBy)
{
    public static JobOrigin Unknown { get; } = new(JobTrigger.Unknown, null);

    public static JobOrigin Schedule { get; } = new(JobTrigger.Schedule, "schedule");

    public static JobOrigin Manual(string? userName) => new(JobTrigger.Manual, userName);

    public static JobOrigin Api(string? keyName) => new(JobTrigger.Api, keyName);
}
