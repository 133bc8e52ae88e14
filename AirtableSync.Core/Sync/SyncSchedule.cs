using Cronos;

namespace AirtableSync.Sync;

// When syncs start by themselves: cron expressions (five fields) for an incremental and a full sync, read in
// TimeZone (an IANA id; UTC by default). Null or empty turns that schedule off.
public sealed record SyncSchedule(string? IncrementalCron, string? FullCron, string TimeZone = SyncSchedule.Utc)
{
    public const string Utc = "UTC";

    // Incremental every 15 minutes, full nightly at 03:00 UTC.
    public static SyncSchedule Suggested { get; } = new("*/15 * * * *", "0 3 * * *");

    public static SyncSchedule Off { get; } = new(null, null);

    // The first problem with either expression or the zone, or null when the schedule can be saved.
    public string? FindProblem() => Problems() is [var first, ..] ? first.Problem : null;

    // Each field's problem (named as the property), in field order; empty when the schedule can be saved.
    public IReadOnlyList<(string Field, string Problem)> Problems()
    {
        var problems = new List<(string, string)>();
        if (Check(IncrementalCron) is { } incremental)
        {
            problems.Add((nameof(IncrementalCron), incremental));
        }
        if (Check(FullCron) is { } full)
        {
            problems.Add((nameof(FullCron), full));
        }
        if (CheckTimeZone(TimeZone) is { } zone)
        {
            problems.Add((nameof(TimeZone), zone));
        }
        return problems;
    }

    // A readable problem with the expression, or null when it parses (or is empty: off).
    public static string? Check(string? cron) =>
        string.IsNullOrWhiteSpace(cron) || CronExpression.TryParse(cron.Trim(), out _)
            ? null
            : $"{Quoted(cron, "The cron expression")} is not a cron expression. Use five fields: minute hour day-of-month month day-of-week, e.g. */15 * * * *.";

    // A readable problem with the time zone id, or null when it is known here (or empty: UTC).
    public static string? CheckTimeZone(string? id) =>
        FindZone(id) is null
            ? $"{Quoted(id, "The time zone")} is not a time zone this server knows. Use an IANA id such as Europe/Paris or America/New_York, or UTC."
            : null;

    // The zone the crons are read in; UTC when the id is empty or no longer known (say, after a tzdata change).
    public TimeZoneInfo Zone() => FindZone(TimeZone) ?? TimeZoneInfo.Utc;

    // Empty means UTC. UTC is answered without the system's time zone data, so the default works even on an image
    // without tzdata; any other id must be installed. The returned Id is the one to store (the system's spelling).
    public static TimeZoneInfo? FindZone(string? id) =>
        string.IsNullOrWhiteSpace(id) || string.Equals(id.Trim(), Utc, StringComparison.OrdinalIgnoreCase) ? TimeZoneInfo.Utc
        : TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone
        : null;

    // The first occurrence after after up to and including until, if any.
    // Cronos reads the cron in zone and follows its daylight saving changes as Vixie cron does: a
    // time skipped by the spring change runs right after it, a time repeated in autumn runs once.
    public static DateTimeOffset? DueBetween(string? cron, TimeZoneInfo zone, DateTimeOffset after, DateTimeOffset until) =>
        NextAfter(cron, zone, after) is { } at && at <= until ? at : null;

    // The next occurrence strictly after after, at the zone's offset; null when off or invalid.
    public static DateTimeOffset? NextAfter(string? cron, TimeZoneInfo zone, DateTimeOffset after) =>
        !string.IsNullOrWhiteSpace(cron) && CronExpression.TryParse(cron.Trim(), out var expression)
            ? expression.GetNextOccurrence(after, zone)
            : null;

    // A problem quotes what was typed so the admin sees the typo, but never an essay or a control character: those
    // would make the message unreadable (and a line break in it would reach logs and problem details as typed).
    private static string Quoted(string? value, string instead)
    {
        var text = value?.Trim() ?? "";
        return text.Length is > 0 and <= 100 && !text.Any(c => char.IsControl(c) || char.IsSurrogate(c)) ? $"\"{text}\"" : instead;
    }
}
