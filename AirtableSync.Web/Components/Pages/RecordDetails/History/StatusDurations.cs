namespace AirtableSync.Web.Components.Pages.RecordDetails.History;

// Until is null for the current status.
public sealed record StatusSpan(string Status, DateTimeOffset From, DateTimeOffset? Until, TimeSpan Duration);

// From the record's Status events ordered by time.
public static class StatusDurations
{
    public static IReadOnlyList<StatusSpan> Compute(IEnumerable<RevisionEvent> events, DateTimeOffset? createdTime, DateTimeOffset now)
    {
        var changes = events.Where(e => e.Kind == RevisionEventKind.Status && e.IsParsed).OrderBy(e => e.ChangedAt).ToList();
        var spans = new List<StatusSpan>();
        if (changes.Count == 0)
        {
            return spans;
        }
        // Before the first recorded change the record held the first change's old value, since it was created.
        if (createdTime is { } created && created < changes[0].ChangedAt && Status(changes[0].OldValues) is { } initial)
        {
            spans.Add(new StatusSpan(initial, created, changes[0].ChangedAt, changes[0].ChangedAt - created));
        }
        for (var i = 0; i < changes.Count; i++)
        {
            if (Status(changes[i].NewValues) is not { } status)
            {
                continue;
            }
            var from = changes[i].ChangedAt;
            DateTimeOffset? until = i + 1 < changes.Count ? changes[i + 1].ChangedAt : null;
            var end = until ?? now;
            spans.Add(new StatusSpan(status, from, until, end > from ? end - from : TimeSpan.Zero));
        }
        return spans;
    }

    // Longest first: the strip's legend.
    public static IReadOnlyList<(string Status, TimeSpan Total)> Totals(IReadOnlyList<StatusSpan> spans) =>
        [.. spans.GroupBy(s => s.Status).Select(g => (g.Key, g.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration))).OrderByDescending(t => t.Item2)];

    private static string? Status(IReadOnlyList<string>? values) =>
        values is { Count: > 0 } ? string.Join(", ", values) : null;

    public static string Describe(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "under a minute",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalDays: < 1 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => $"{(int)span.TotalDays} d {span.Hours} h",
    };
}
