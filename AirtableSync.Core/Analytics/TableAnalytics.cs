using AirtableSync.Revisions;
using AirtableSync.Storage;

namespace AirtableSync.Analytics;

/// <summary>
/// Status and people analytics of one table, computed exactly from its revision events (docs/analytics.md). Every
/// method answers null when the table is not in the local copy, and reads the field's timelines (<see cref="FieldTimelines"/>)
/// once in record order, one record at a time. "Now" is the injected clock's.
/// </summary>
public sealed class TableAnalytics(ISchemaStore schemas, TableFieldRoles roles, FieldTimelines timelines, TimeProvider time)
{
    /// <summary>Per status: records in it now, visits entered and left in the period, time in status within the period.</summary>
    public async Task<StatusDurationsReport?> GetStatusDurationsAsync(string tableId, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        if (await FindAsync(tableId, cancellationToken) is not { } table)
        {
            return null;
        }
        var now = Now();
        var calculation = new StatusDurationsCalculation(table.Names, period.From.ToUnixTimeMilliseconds(), period.To.ToUnixTimeMilliseconds());
        await ScanTwiceAsync(table, table.StatusFieldId, now, (_, segments) => calculation.Add(segments), calculation.Plan,
            (_, segments) => calculation.Keep(segments), cancellationToken, idsInSecond: false);
        return new StatusDurationsReport(tableId, table.StatusFieldId, period.From, period.To, now, calculation.Rows());
    }

    /// <summary>
    /// Cycles from <paramref name="fromStatus"/> to <paramref name="toStatus"/> (each a choice id or a name, current or
    /// as events carry it) completed in the period, with a histogram and the median per ISO week of completion.
    /// Throws <see cref="ArgumentException"/> (parameter fromStatus/toStatus) for an empty status or the same status twice.
    /// </summary>
    public async Task<CycleTimeReport?> GetCycleTimeAsync(string tableId, string fromStatus, string toStatus, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fromStatus);
        ArgumentException.ThrowIfNullOrWhiteSpace(toStatus);
        if (await FindAsync(tableId, cancellationToken) is not { } table)
        {
            return null;
        }
        var from = table.Names.Find(fromStatus.Trim());
        var to = table.Names.Find(toStatus.Trim());
        if (from == to)
        {
            throw new ArgumentException("fromStatus and toStatus name the same status.", nameof(toStatus));
        }
        var calculation = new CycleTimeCalculation(table.Names, from, to, period);
        await ScanAsync(table, table.StatusFieldId, Now(), calculation.Add, cancellationToken);
        return calculation.Report(tableId, table.StatusFieldId);
    }

    /// <summary>Live records per status at the end of each day of the period (days in the period's zone).</summary>
    public async Task<FlowReport?> GetFlowAsync(string tableId, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        if (await FindAsync(tableId, cancellationToken) is not { } table)
        {
            return null;
        }
        var now = Now();
        var calculation = new FlowCalculation(table.Names, period, now.ToUnixTimeMilliseconds());
        await ScanAsync(table, table.StatusFieldId, now, (_, segments) => calculation.Add(segments), cancellationToken, withIds: false);
        var (statuses, days) = calculation.Result();
        return new FlowReport(tableId, table.StatusFieldId, period.From, period.To, period.Zone.Id, statuses, days);
    }

    /// <summary>Live records in their current status for longer than that status's p90; the <paramref name="limit"/> longest.</summary>
    public async Task<StuckReport?> GetStuckAsync(string tableId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (await FindAsync(tableId, cancellationToken) is not { } table)
        {
            return null;
        }
        var now = Now();
        var calculation = new StuckCalculation(table.Names, now.ToUnixTimeMilliseconds(), limit);
        await ScanTwiceAsync(table, table.StatusFieldId, now, calculation.Add, calculation.Plan, calculation.Keep, cancellationToken);
        var (total, stuck) = calculation.Result();
        return new StuckReport(tableId, table.StatusFieldId, now, total, stuck);
    }

    /// <summary>Who held which record in which status for how long in the period, and the same per day, week or month.</summary>
    public async Task<AssignmentReport?> GetAssignmentsAsync(string tableId, AnalyticsPeriod period, AssignmentPeriodUnit unit, CancellationToken cancellationToken)
    {
        if (await FindAsync(tableId, cancellationToken) is not { } table)
        {
            return null;
        }
        var now = Now();
        var calculation = new AssignmentCalculation(table.Names, period, unit, now.ToUnixTimeMilliseconds());
        if (table.AssigneeFieldId is { } assigneeField)
        {
            await ScanPairsAsync(table, assigneeField, now, calculation.Add, cancellationToken);
        }
        var (rows, periods) = calculation.Result();
        return new AssignmentReport(tableId, table.StatusFieldId, table.AssigneeFieldId, period.From, period.To, period.Zone.Id, unit, rows, periods);
    }

    // Stored instants have milliseconds; "now" is cut the same way so a visit's length is a whole number of them.
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());

    private async Task<AnalyticsTable?> FindAsync(string tableId, CancellationToken cancellationToken)
    {
        foreach (var @base in await schemas.ListBasesAsync(cancellationToken))
        {
            var tables = await schemas.ListTablesAsync(@base.Id, cancellationToken);
            if (tables.FirstOrDefault(t => t.Id == tableId) is { } table)
            {
                var fieldRoles = await roles.GetAsync(table, cancellationToken);
                var statusField = table.Fields.FirstOrDefault(f => f.Id == fieldRoles.StatusFieldId);
                var assigneeField = table.Fields.FirstOrDefault(f => f.Id == fieldRoles.AssigneeFieldId);
                return new AnalyticsTable(table, statusField?.Id, assigneeField?.Id, new StatusNames(SchemaChoice.FromOptions(statusField?.OptionsJson)));
            }
        }
        return null;
    }

    private async Task ScanAsync(AnalyticsTable table, string? fieldId, DateTimeOffset now, Action<string, List<Segment>> visit, CancellationToken cancellationToken,
        bool withIds = true)
    {
        if (fieldId is null)
        {
            return;
        }
        await using var scan = await timelines.OpenAsync(table.Table, fieldId, now.ToUnixTimeMilliseconds(), cancellationToken);
        await scan.ForEachAsync(timeline =>
        {
            Observe(table, timeline);
            visit(timeline.RecordId, timeline.Segments);
        }, cancellationToken, withIds);
    }

    // Percentiles in bounded memory read the same timelines twice (PercentileSketch): names are observed in the first,
    // which needs no record ids.
    private async Task ScanTwiceAsync(AnalyticsTable table, string? fieldId, DateTimeOffset now, Action<string, List<Segment>> first, Action between,
        Action<string, List<Segment>> second, CancellationToken cancellationToken, bool idsInSecond = true)
    {
        if (fieldId is not null)
        {
            await using var scan = await timelines.OpenAsync(table.Table, fieldId, now.ToUnixTimeMilliseconds(), cancellationToken);
            await scan.ForEachAsync(timeline =>
            {
                Observe(table, timeline);
                first(timeline.RecordId, timeline.Segments);
            }, cancellationToken, withIds: false);
            between();
            await scan.ForEachAsync(timeline => second(timeline.RecordId, timeline.Segments), cancellationToken, idsInSecond);
            return;
        }
        between();
    }

    // The Assignee's and the Status's timelines merged by record id (both come in record id order); a record missing from
    // the Status side has no status stretches.
    private async Task ScanPairsAsync(AnalyticsTable table, string assigneeFieldId, DateTimeOffset now, Action<string, List<Segment>, List<Segment>> visit, CancellationToken cancellationToken)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var none = new List<Segment>();
        IAsyncEnumerator<RecordTimeline>? status = table.StatusFieldId is { } statusFieldId
            ? timelines.ReadAsync(table.Table, statusFieldId, nowMs, cancellationToken).GetAsyncEnumerator(cancellationToken) : null;
        try
        {
            var hasStatus = status is not null && await status.MoveNextAsync();
            await foreach (var held in timelines.ReadAsync(table.Table, assigneeFieldId, nowMs, cancellationToken))
            {
                while (hasStatus && string.CompareOrdinal(status!.Current.RecordId, held.RecordId) < 0)
                {
                    hasStatus = await status.MoveNextAsync();
                }
                if (hasStatus && status!.Current.RecordId == held.RecordId)
                {
                    Observe(table, status.Current);
                    visit(held.RecordId, held.Segments, status.Current.Segments);
                }
                else
                {
                    visit(held.RecordId, held.Segments, none);
                }
            }
        }
        finally
        {
            if (status is not null)
            {
                await status.DisposeAsync();
            }
        }
    }

    private static void Observe(AnalyticsTable table, RecordTimeline timeline)
    {
        if (timeline.HasChanges && timeline.Segments.Count > 0)
        {
            table.Names.Observe(timeline.Segments[^1].Key, timeline.CellKey);
        }
    }

    private sealed record AnalyticsTable(StoredTable Table, string? StatusFieldId, string? AssigneeFieldId, StatusNames Names);
}
