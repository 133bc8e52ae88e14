using System.Globalization;

namespace AirtableSync.Web.Components.Pages.Jobs;

// One line over all the tables a job touched: "462 records seen · 4 added · 1 changed · 0 deleted · 3 tables".
public static class JobSummaryText
{
    public static string? Describe(JobEntry job)
    {
        if (job.Tables.Count == 0)
        {
            return null;
        }
        var culture = CultureInfo.CurrentCulture;
        var parts = new List<string>();
        var revisionsOnly = job.Kind == JobKind.RevisionSync;
        if (!revisionsOnly)
        {
            parts.Add(string.Format(culture, "{0:N0} records seen", job.Tables.Sum(t => t.Seen)));
            parts.Add(string.Format(culture, "{0:N0} added", job.Tables.Sum(t => t.Added)));
            parts.Add(string.Format(culture, "{0:N0} changed", job.Tables.Sum(t => t.Changed)));
            parts.Add(string.Format(culture, "{0:N0} deleted", job.Tables.Sum(t => t.Deleted)));
        }
        if (revisionsOnly || job.Tables.Any(t => t.RevisionEvents > 0))
        {
            parts.Add(string.Format(culture, "{0:N0} revision events", job.Tables.Sum(t => t.RevisionEvents)));
        }
        parts.Add(string.Format(culture, "{0:N0} {1}", job.Tables.Count, job.Tables.Count == 1 ? "table" : "tables"));
        return string.Join(" · ", parts);
    }
}
