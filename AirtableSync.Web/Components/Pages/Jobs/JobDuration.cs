using System.Globalization;

namespace AirtableSync.Web.Components.Pages.Jobs;

// How long a finished job ran, in words a person reads at a glance ("3 min 12 s").
public static class JobDuration
{
    public static string? Of(JobEntry job) =>
        job is { StartedAt: { } started, FinishedAt: { } finished } && finished >= started ? Describe(finished - started) : null;

    public static string Describe(TimeSpan span) => span switch
    {
        { TotalSeconds: < 1 } => "under 1 s",
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds} s"),
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.Minutes} min {span.Seconds} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min"),
    };
}
