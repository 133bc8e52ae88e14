namespace AirtableSync.Analytics;

// The reports TableAnalytics answers. Durations are seconds with millisecond precision (stored instants have
// milliseconds); instants are UTC. Statuses are named by their current choice: ChoiceId is the schema's choice id and
// Name its current name; a status no longer in the schema keeps the name the events carry and a null ChoiceId.
// The rules behind every figure are in docs/analytics.md.

/// <summary>A status: the choice id when the schema still has the choice (else null) and its current (or last known) name.</summary>
public sealed record StatusRef(string? ChoiceId, string Name)
{
    /// <summary>An empty Status cell. Only assignment reports show it (time held while the record had no status).</summary>
    public static StatusRef None { get; } = new(null, "");
}

/// <summary>Nearest-rank percentiles of a set of durations, in seconds; all null when the set is empty.</summary>
public sealed record DurationSummary(int Count, double? MedianSeconds, double? P75Seconds, double? P90Seconds, double? MaxSeconds);

/// <param name="CurrentCount">Live records in this status now.</param>
/// <param name="Entered">Visits that began in the period (a record created in the status enters it at its creation).</param>
/// <param name="Left">Visits that ended in the period (a change to another value, or the record's deletion).</param>
/// <param name="TimeInStatus">Per visit, the part of it inside the period (ongoing visits up to the period's end or now).</param>
public sealed record StatusDurationRow(StatusRef Status, int CurrentCount, int Entered, int Left, DurationSummary TimeInStatus);

/// <param name="StatusFieldId">The table's Status field; null when none is chosen (then no rows).</param>
/// <param name="Now">The instant "now" was taken at; ongoing visits end there.</param>
public sealed record StatusDurationsReport(string TableId, string? StatusFieldId, DateTimeOffset From, DateTimeOffset To, DateTimeOffset Now,
    IReadOnlyList<StatusDurationRow> Statuses);

/// <summary>Cycle times in [<see cref="FromSeconds"/>, <see cref="ToSeconds"/>); <see cref="ToSeconds"/> null for the open last bucket.</summary>
public sealed record HistogramBucket(double FromSeconds, double? ToSeconds, string Label, int Count);

/// <summary>Cycles completed in one ISO week (in the report's time zone), Monday <see cref="WeekStart"/>.</summary>
public sealed record CycleWeek(int IsoYear, int IsoWeek, DateOnly WeekStart, int Count, double MedianSeconds);

/// <summary>One record's cycle: from first entering the start status to then first entering the end status.</summary>
public sealed record RecordCycle(string RecordId, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, double Seconds);

/// <param name="Cycles">Every cycle completed in the period, oldest completion first (for the table view and CSV).</param>
public sealed record CycleTimeReport(string TableId, string? StatusFieldId, StatusRef FromStatus, StatusRef ToStatus, DateTimeOffset From, DateTimeOffset To,
    string TimeZone, DurationSummary CycleTime, IReadOnlyList<HistogramBucket> Histogram, IReadOnlyList<CycleWeek> Weeks, IReadOnlyList<RecordCycle> Cycles);

/// <param name="At">The instant counted: the end of the day in the zone (the next midnight), or now for today.</param>
/// <param name="Counts">Live records per status at <see cref="At"/>, in the order of <see cref="FlowReport.Statuses"/>.</param>
public sealed record FlowDay(DateOnly Day, DateTimeOffset At, IReadOnlyList<int> Counts);

public sealed record FlowReport(string TableId, string? StatusFieldId, DateTimeOffset From, DateTimeOffset To, string TimeZone,
    IReadOnlyList<StatusRef> Statuses, IReadOnlyList<FlowDay> Days);

/// <param name="Since">When the record entered its current status (its current visit began).</param>
/// <param name="P90Seconds">The status's p90 time in status, which <see cref="Seconds"/> exceeds.</param>
public sealed record StuckRecord(string RecordId, StatusRef Status, DateTimeOffset Since, double Seconds, double P90Seconds);

/// <param name="Total">How many live records are stuck; <see cref="Records"/> holds the longest-stuck of them, up to the limit asked.</param>
public sealed record StuckReport(string TableId, string? StatusFieldId, DateTimeOffset Now, int Total, IReadOnlyList<StuckRecord> Records);

/// <summary>How long <see cref="Person"/> (a collaborator's name as Airtable shows it) held a record while it was in a status.</summary>
public sealed record AssignmentRow(string Person, string RecordId, StatusRef Status, double Seconds);

/// <summary>One period (day, ISO week or month beginning <see cref="PeriodStart"/> in the zone): a person's time per status, over how many records.</summary>
public sealed record AssignmentPeriodRow(DateOnly PeriodStart, string Person, StatusRef Status, int Records, double Seconds);

/// <param name="Rows">Person × record × status, ordered by person, record, status.</param>
/// <param name="Periods">The same time grouped per period, ordered by period, person, status.</param>
public sealed record AssignmentReport(string TableId, string? StatusFieldId, string? AssigneeFieldId, DateTimeOffset From, DateTimeOffset To, string TimeZone,
    AssignmentPeriodUnit Unit, IReadOnlyList<AssignmentRow> Rows, IReadOnlyList<AssignmentPeriodRow> Periods);
