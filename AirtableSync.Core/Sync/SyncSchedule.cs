using Cronos;

namespace AirtableSync.Sync;

/// <summary>
/// When syncs start by themselves: cron expressions (five fields, UTC) for an incremental and a full sync.
/// Null or empty turns that schedule off.
/// </summary>
public sealed record SyncSchedule(string? IncrementalCron, string? FullCron)
{
    /// <summary>Incremental every 15 minutes, full nightly at 03:00 UTC.</summary>
    public static SyncSchedule Suggested { get; } = new("*/15 * * * *", "0 3 * * *");

    public static SyncSchedule Off { get; } = new(null, null);

    /// <summary>A readable problem with the expression, or null when it parses (or is empty: off).</summary>
    public static string? Check(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            return null;
        }
        try
        {
            CronExpression.Parse(cron.Trim());
            return null;
        }
        catch (CronFormatException)
        {
            return $"\"{cron.Trim()}\" is not a cron expression. Use five fields: minute hour day-of-month month day-of-week, e.g. */15 * * * *.";
        }
    }

    /// <summary>The first occurrence after <paramref name="after"/> up to and including <paramref name="until"/>, if any.</summary>
    public static DateTimeOffset? DueBetween(string? cron, DateTimeOffset after, DateTimeOffset until)
    {
        if (string.IsNullOrWhiteSpace(cron) || Check(cron) is not null)
        {
            return null;
        }
        var next = CronExpression.Parse(cron.Trim()).GetNextOccurrence(after, TimeZoneInfo.Utc);
        return next is { } at && at <= until ? at : null;
    }
}
