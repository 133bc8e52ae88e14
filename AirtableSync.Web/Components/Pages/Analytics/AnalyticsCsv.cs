using System.Globalization;
using AirtableSync.Analytics;
using AirtableSync.Web.Components.Pages.RecordList.Export;

namespace AirtableSync.Web.Components.Pages.Analytics;

/// <summary>The reports the analytics page can export, one CSV each, the same rows as the page's table views.</summary>
public enum AnalyticsExport { StatusDurations, Stuck, CycleTime, Flow, Assignments, AssignmentPeriods }

// Each report as CSV lines: durations in whole seconds (a spreadsheet formats them), instants in ISO 8601 UTC, days as
// yyyy-MM-dd in the viewer's zone. Statuses by current name and choice id, as the REST API gives them.
public static class AnalyticsCsv
{
    public static IEnumerable<string> StatusDurations(StatusDurationsReport report)
    {
        yield return CsvText.Line(["Status", "Choice id", "Records now", "Entered", "Left", "Visits", "Median seconds", "P75 seconds", "P90 seconds", "Max seconds"]);
        foreach (var row in report.Statuses)
        {
            var time = row.TimeInStatus;
            yield return CsvText.Line([row.Status.Name, row.Status.ChoiceId ?? "", Count(row.CurrentCount), Count(row.Entered), Count(row.Left),
                Count(time.Count), Seconds(time.MedianSeconds), Seconds(time.P75Seconds), Seconds(time.P90Seconds), Seconds(time.MaxSeconds)]);
        }
    }

    public static IEnumerable<string> Stuck(StuckReport report, IReadOnlyDictionary<string, string> titles)
    {
        yield return CsvText.Line(["Record id", "Record", "Status", "Choice id", "Since (UTC)", "Seconds in status", "Status p90 seconds"]);
        foreach (var row in report.Records)
        {
            yield return CsvText.Line([row.RecordId, Title(titles, row.RecordId), row.Status.Name, row.Status.ChoiceId ?? "", Instant(row.Since),
                Seconds(row.Seconds), Seconds(row.P90Seconds)]);
        }
    }

    public static IEnumerable<string> CycleTime(CycleTimeReport report, IReadOnlyDictionary<string, string> titles)
    {
        yield return CsvText.Line(["Record id", "Record", $"Entered {report.FromStatus.Name} (UTC)", $"Entered {report.ToStatus.Name} (UTC)", "Cycle seconds"]);
        foreach (var cycle in report.Cycles)
        {
            yield return CsvText.Line([cycle.RecordId, Title(titles, cycle.RecordId), Instant(cycle.StartedAt), Instant(cycle.CompletedAt), Seconds(cycle.Seconds)]);
        }
    }

    public static IEnumerable<string> Flow(FlowReport report)
    {
        yield return CsvText.Line(["Day", .. report.Statuses.Select(s => s.Name)]);
        foreach (var day in report.Days)
        {
            yield return CsvText.Line([AnalyticsView.DayText(day.Day), .. day.Counts.Select(Count)]);
        }
    }

    public static IEnumerable<string> Assignments(AssignmentReport report, IReadOnlyDictionary<string, string> titles)
    {
        yield return CsvText.Line(["Person", "Record id", "Record", "Status", "Choice id", "Seconds"]);
        foreach (var row in report.Rows)
        {
            yield return CsvText.Line([row.Person, row.RecordId, Title(titles, row.RecordId), StatusName(row.Status), row.Status.ChoiceId ?? "", Seconds(row.Seconds)]);
        }
    }

    public static IEnumerable<string> AssignmentPeriods(AssignmentReport report)
    {
        yield return CsvText.Line([$"{report.Unit} starting", "Person", "Status", "Choice id", "Records", "Seconds"]);
        foreach (var row in report.Periods)
        {
            yield return CsvText.Line([AnalyticsView.DayText(row.PeriodStart), row.Person, StatusName(row.Status), row.Status.ChoiceId ?? "", Count(row.Records), Seconds(row.Seconds)]);
        }
    }

    /// <summary>How an empty Status cell reads in tables and files.</summary>
    public static string StatusName(StatusRef status) => status.Name.Length == 0 ? "(no status)" : status.Name;

    private static string Title(IReadOnlyDictionary<string, string> titles, string recordId) => titles.GetValueOrDefault(recordId, "");

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double? value) => value is { } seconds ? Math.Round(seconds).ToString(CultureInfo.InvariantCulture) : "";

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
