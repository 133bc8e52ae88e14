namespace AirtableSync.Analytics;

/// <summary>
/// The half-open period [<see cref="From"/>, <see cref="To"/>) a report covers, and the viewer's time zone, which
/// decides where days, ISO weeks and months begin (flow days, cycle-time weeks, assignment periods).
/// </summary>
public sealed record AnalyticsPeriod(DateTimeOffset From, DateTimeOffset To, TimeZoneInfo Zone)
{
    public AnalyticsPeriod(DateTimeOffset from, DateTimeOffset to) : this(from, to, TimeZoneInfo.Utc)
    {
    }
}

/// <summary>How assignment time is grouped: calendar days, ISO weeks (Monday first) or calendar months, in the period's zone.</summary>
public enum AssignmentPeriodUnit { Day, Week, Month }
