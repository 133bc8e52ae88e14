using System.Globalization;

namespace AirtableSync.Web.Components.Pages.Analytics;

// Durations as people say them: the two largest units that matter ("3 d 4 h", "2 h 5 min", "40 s"), never "0.13 d".
public static class DurationText
{
    public static string Of(double? seconds)
    {
        if (seconds is not { } value)
        {
            return "—";
        }
        var span = TimeSpan.FromSeconds(Math.Round(value));
        return span switch
        {
            { TotalDays: >= 1 } => Two((int)span.TotalDays, "d", span.Hours, "h"),
            { TotalHours: >= 1 } => Two(span.Hours, "h", span.Minutes, "min"),
            { TotalMinutes: >= 1 } => Two(span.Minutes, "min", span.Seconds, "s"),
            _ => $"{span.Seconds} s",
        };
    }

    /// <summary>Days with one decimal, the unit of the charts' axes (one scale for every bar).</summary>
    public static double Days(double seconds) => Math.Round(seconds / 86_400, 1);

    private static string Two(int big, string bigUnit, int small, string smallUnit) =>
        small == 0 ? $"{big.ToString(CultureInfo.InvariantCulture)} {bigUnit}" : $"{big} {bigUnit} {small} {smallUnit}";
}
