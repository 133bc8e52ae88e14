namespace AirtableSync.Jobs;

// What a stored job's parameters say about the chain of resumes it belongs to.
public static class JobLineage
{
    /// <summary>The id of the job this one resumes, or null for a fresh job.</summary>
    public static string? ResumeOf(JobEntry job) => JobParameters.ReadString(job.ParametersJson, JobParameters.ResumeOf);
}
