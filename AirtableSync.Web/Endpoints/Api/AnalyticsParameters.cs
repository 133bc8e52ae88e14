using System.Globalization;
using AirtableSync.Analytics;

namespace AirtableSync.Web.Endpoints.Api;

// The query parameters the analytics endpoints share. from/to are ISO 8601 instants (2026-12-01T08:00:00Z) or days
// (2026-12-01: the start of that day in tz); the period is [from, to), 30 days up to now by default. tz is an IANA zone
// (UTC by default). Every refusal is keyed by the parameter's name.
internal static class AnalyticsParameters
{
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(30);

    // Ten years of days is the most a flow or an assignment report lists.
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(3660);

    public static AnalyticsPeriod? Period(string? from, string? to, string? tz, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrEmpty(tz) && !TimeZoneInfo.TryFindSystemTimeZoneById(tz, out zone))
        {
            errors["tz"] = [$"'{tz}' is not a known IANA time zone."];
            return null;
        }
        var end = Instant(to, "to", zone, errors) ?? now;
        var start = Instant(from, "from", zone, errors) ?? end - DefaultSpan;
        if (errors.Count > 0)
        {
            return null;
        }
        if (start >= end)
        {
            errors["from"] = ["from must be before to."];
            return null;
        }
        if (end - start > MaxSpan)
        {
            errors["to"] = [$"The period may span at most {MaxSpan.TotalDays:0} days."];
            return null;
        }
        return new AnalyticsPeriod(start.ToUniversalTime(), end.ToUniversalTime(), zone);
    }

    public static AssignmentPeriodUnit? Unit(string? period, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(period))
        {
            return AssignmentPeriodUnit.Week;
        }
        if (Enum.TryParse<AssignmentPeriodUnit>(period, ignoreCase: true, out var unit) && Enum.IsDefined(unit) && !char.IsAsciiDigit(period[0]))
        {
            return unit;
        }
        errors["period"] = ["period must be day, week or month."];
        return null;
    }

    private static DateTimeOffset? Instant(string? text, string name, TimeZoneInfo zone, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ZoneCalendar.StartOf(day, zone));
        }
        // An instant must say its offset (Z or ±hh:mm): a bare local time would silently mean the server's zone.
        if (text.Contains('T', StringComparison.Ordinal) && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }
        errors[name] = [$"{name} must be an ISO 8601 instant with its offset (2026-12-01T08:00:00Z) or a day (2026-12-01)."];
        return null;
    }
}
