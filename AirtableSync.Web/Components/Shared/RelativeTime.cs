namespace AirtableSync.Web.Components.Shared;

// "3 hours ago" style phrases; the exact time is always shown beside them.
public static class RelativeTime
{
    public static string Describe(DateTimeOffset when, DateTimeOffset now)
    {
        var elapsed = now - when;
        if (elapsed < TimeSpan.Zero)
        {
            return "in the future";
        }
        return elapsed switch
        {
            { TotalSeconds: < 45 } => "just now",
            { TotalMinutes: < 90 } => Plural(Math.Max(1, (int)Math.Round(elapsed.TotalMinutes)), "minute"),
            { TotalHours: < 36 } => Plural((int)Math.Round(elapsed.TotalHours), "hour"),
            { TotalDays: < 45 } => Plural((int)Math.Round(elapsed.TotalDays), "day"),
            { TotalDays: < 548 } => Plural((int)Math.Round(elapsed.TotalDays / 30.44), "month"),
            _ => Plural((int)Math.Round(elapsed.TotalDays / 365.25), "year"),
        };
    }

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit} ago" : $"{count} {unit}s ago";
}
