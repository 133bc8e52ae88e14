using System.Globalization;

namespace AirtableSync.Web.Components.Pages.RecordList.Cells;

// Duration cells are seconds; durationFormat is h:mm, h:mm:ss or h:mm:ss.S… (docs/airtable/public-api.md §2.3).
public static class DurationText
{
    public static string Format(double seconds, string? durationFormat, CultureInfo culture)
    {
        var span = TimeSpan.FromMilliseconds(Math.Round(Math.Abs(seconds) * 1000));
        var hours = (long)span.TotalHours;
        var dot = durationFormat?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        var decimals = dot < 0 || durationFormat is null ? 0 : Math.Min(3, durationFormat.Length - dot - 1);
        var text = durationFormat switch
        {
            null or "h:mm" => $"{hours}:{span.Minutes:00}",
            _ when decimals == 0 => $"{hours}:{span.Minutes:00}:{span.Seconds:00}",
            _ => $"{hours}:{span.Minutes:00}:{span.Seconds:00}{culture.NumberFormat.NumberDecimalSeparator}" +
                 span.Milliseconds.ToString("000", CultureInfo.InvariantCulture)[..decimals],
        };
        return seconds < 0 ? "-" + text : text;
    }
}
