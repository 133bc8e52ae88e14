using AirtableSync.Sync;

namespace AirtableSync.Web.Components.Pages.Jobs;

// The same words on the Jobs page and the dashboard; they depend on the job's request (with revision history or not).
public static class JobKindLabel
{
    public static string Of(JobEntry job) => JobKindDescription.Of(job).Label;
}
