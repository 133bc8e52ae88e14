using System.Globalization;
using AirtableSync.Analytics;
using Microsoft.AspNetCore.WebUtilities;

namespace AirtableSync.Web.Components.Pages.Analytics;

/// <summary>Which report of a table's analytics is shown, and for which days; all of it lives in the address so a view can be shared.</summary>
public enum AnalyticsTab { Status, Cycle, Flow, People }

/// <summary>
/// The analytics page's view: a tab, a range of whole days (in the viewer's zone, both inclusive), the two statuses of
/// the cycle time and the grouping of the people report. Anything missing or malformed in the address falls back to
/// the default (the last 30 days), so an old or hand-edited link still opens.
/// </summary>
public sealed record AnalyticsView(
    AnalyticsTab Tab,
    DateOnly From,
    DateOnly To,
    string? FromStatus = null,
    string? ToStatus = null,
    AssignmentPeriodUnit Unit = AssignmentPeriodUnit.Week)
{
    public const int DefaultDays = 30;
    // Flow reads one count per status per day; a range longer than this is cut, not refused.
    public const int MaxDays = 731;

    public static AnalyticsView Default(DateOnly today) => new(AnalyticsTab.Status, today.AddDays(-(DefaultDays - 1)), today);

    public static AnalyticsView Parse(string query, DateOnly today)
    {
        var values = QueryHelpers.ParseQuery(query);
        string? Get(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        var fallback = Default(today);
        var to = Day(Get("to")) ?? fallback.To;
        var from = Day(Get("from")) ?? to.AddDays(-(DefaultDays - 1));
        if (from > to)
        {
            (from, to) = (to, from);
        }
        if (to.DayNumber - from.DayNumber >= MaxDays)
        {
            from = to.AddDays(-(MaxDays - 1));
        }
        return new(
            Enum.TryParse<AnalyticsTab>(Get("view"), ignoreCase: true, out var tab) && Enum.IsDefined(tab) ? tab : AnalyticsTab.Status,
            from,
            to,
            Get("fromStatus"),
            Get("toStatus"),
            Enum.TryParse<AssignmentPeriodUnit>(Get("period"), ignoreCase: true, out var unit) && Enum.IsDefined(unit) ? unit : AssignmentPeriodUnit.Week);
    }

    /// <summary>The half-open instant range the days cover in <paramref name="zone"/>: from the first day's midnight to the midnight after the last.</summary>
    public AnalyticsPeriod Period(TimeZoneInfo zone) => new(Start(From, zone), Start(To.AddDays(1), zone), zone);

    /// <summary>The day it is now in <paramref name="zone"/>, which the default view ends on.</summary>
    public static DateOnly Today(TimeProvider time, TimeZoneInfo zone) => ZoneCalendar.DayOf(time.GetUtcNow().ToUnixTimeMilliseconds(), zone);

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The address's query for this view, without the defaults, so a plain link stays plain.</summary>
    public string Query(DateOnly today)
    {
        var pairs = new List<(string Key, string Value)>();
        if (Tab != AnalyticsTab.Status)
        {
            pairs.Add(("view", Tab.ToString().ToLowerInvariant()));
        }
        var fallback = Default(today);
        if (From != fallback.From || To != fallback.To)
        {
            pairs.Add(("from", DayText(From)));
            pairs.Add(("to", DayText(To)));
        }
        if (FromStatus is not null)
        {
            pairs.Add(("fromStatus", FromStatus));
        }
        if (ToStatus is not null)
        {
            pairs.Add(("toStatus", ToStatus));
        }
        if (Unit != AssignmentPeriodUnit.Week)
        {
            pairs.Add(("period", Unit.ToString().ToLowerInvariant()));
        }
        return string.Join('&', pairs.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
    }

    public static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    // Where the reports' own calendar starts the day (a skipped or doubled midnight included), so the page's days are theirs.
    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone) => DateTimeOffset.FromUnixTimeMilliseconds(ZoneCalendar.StartOf(day, zone));
}
