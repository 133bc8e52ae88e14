using AirtableSync.Jobs;

namespace AirtableSync.Web.Components.Pages.Jobs;

// Who started a job, in words: "manually by Ada Lovelace", "by the schedule". Null for rows from before this was kept.
public static class JobOriginText
{
    public static string? Describe(JobEntry job)
    {
        var by = job.RequestedBy is { Length: > 0 } name ? $" by {name}" : "";
        return job.Trigger switch
        {
            JobTrigger.Manual => $"started manually{by}",
            JobTrigger.Api => $"started through the REST API{by}",
            JobTrigger.Schedule => "started by the schedule",
            JobTrigger.Resume => $"resume of job {ShortId(JobLineage.ResumeOf(job))}{by}",
            _ => null,
        };
    }

    // Job ids are version 7 GUIDs: jobs queued in the same minute share the leading time digits, so the tail tells them apart.
    public static string ShortId(string? jobId) => jobId is { Length: > 8 } id ? id[^8..] : jobId ?? "?";
}
