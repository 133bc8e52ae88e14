namespace AirtableSync.Analytics;

/// <summary>Days, ISO weeks and months in a time zone, as the analytics reports count them.</summary>
// Days, ISO weeks and months in the viewer's time zone. A day starts at local midnight; where a zone skips midnight
// (a DST change at 00:00) it starts at the first local instant that exists. Days around a DST change are 23 or 25 hours.
public static class ZoneCalendar
{
    public static DateOnly DayOf(long ms, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(ms), zone).DateTime);

    public static long StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        // An ambiguous midnight (clocks back at 01:00 → 00:00) is the earlier one.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUnixTimeMilliseconds();
    }

    public static DateOnly PeriodStart(DateOnly day, AssignmentPeriodUnit unit) => unit switch
    {
        AssignmentPeriodUnit.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        AssignmentPeriodUnit.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    public static DateOnly NextPeriod(DateOnly start, AssignmentPeriodUnit unit) => unit switch
    {
        AssignmentPeriodUnit.Week => start.AddDays(7),
        AssignmentPeriodUnit.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };
}
