using System.Globalization;

namespace AirtableSync.Web.Components.Pages.Jobs;

// One readable line per progress update: "records · Tasks · 1,200 of 5,000 · 480/s · about 9 s left".
public static class JobProgressText
{
    public static string Describe(JobProgress progress)
    {
        var culture = CultureInfo.CurrentCulture;
        var parts = new List<string> { progress.Phase };
        if (progress.CurrentItem is { Length: > 0 } item)
        {
            parts.Add(item);
        }
        parts.Add(progress.Total is { } total
            ? string.Format(culture, "{0:N0} of {1:N0}", progress.Completed, total)
            : string.Format(culture, "{0:N0}", progress.Completed));
        if (progress.RatePerSecond is > 0 and var rate)
        {
            parts.Add(string.Format(culture, "{0:N0}/s", rate));
        }
        if (progress.EstimatedRemaining is { } eta && eta > TimeSpan.Zero)
        {
            parts.Add("about " + Humanize(eta) + " left");
        }
        return string.Join(" · ", parts);
    }

    private static string Humanize(TimeSpan span) => span switch
    {
        { TotalSeconds: < 60 } => string.Format(CultureInfo.CurrentCulture, "{0:N0} s", Math.Ceiling(span.TotalSeconds)),
        { TotalMinutes: < 60 } => string.Format(CultureInfo.CurrentCulture, "{0:N0} min", Math.Ceiling(span.TotalMinutes)),
        _ => string.Format(CultureInfo.CurrentCulture, "{0:N1} h", span.TotalHours),
    };
}
