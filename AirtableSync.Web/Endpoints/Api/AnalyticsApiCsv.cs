using System.Globalization;
using System.Text;
using AirtableSync.Analytics;
using AirtableSync.Web.Components.Pages.RecordList.Export;

namespace AirtableSync.Web.Endpoints.Api;

// The REST API's analytics reports as CSV for scripts (keyed columns, ids, long format; the page's exports name records and
// speak to people: Components/Pages/Analytics/AnalyticsCsv), one row per row of the report's main table: numbers in invariant culture, instants in
// ISO 8601 UTC, statuses as choice id and name columns.
public static class AnalyticsApiCsv
{
    public static string StatusDurations(StatusDurationsReport report) => Lines(
        ["statusChoiceId", "status", "currentCount", "entered", "left", "visits", "medianSeconds", "p75Seconds", "p90Seconds", "maxSeconds"],
        report.Statuses.Select(r => (IEnumerable<string>)[r.Status.ChoiceId ?? "", r.Status.Name, Number(r.CurrentCount), Number(r.Entered), Number(r.Left),
            Number(r.TimeInStatus.Count), Number(r.TimeInStatus.MedianSeconds), Number(r.TimeInStatus.P75Seconds), Number(r.TimeInStatus.P90Seconds), Number(r.TimeInStatus.MaxSeconds)]));

    public static string CycleTime(CycleTimeReport report) => Lines(
        ["recordId", "startedAt", "completedAt", "seconds"],
        report.Cycles.Select(c => (IEnumerable<string>)[c.RecordId, Instant(c.StartedAt), Instant(c.CompletedAt), Number(c.Seconds)]));

    public static string Flow(FlowReport report) => Lines(
        ["day", "at", "statusChoiceId", "status", "records"],
        report.Days.SelectMany(d => report.Statuses.Select((s, i) => (IEnumerable<string>)[
            d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Instant(d.At), s.ChoiceId ?? "", s.Name, Number(d.Counts[i])])));

    public static string Stuck(StuckReport report) => Lines(
        ["recordId", "statusChoiceId", "status", "since", "seconds", "p90Seconds"],
        report.Records.Select(r => (IEnumerable<string>)[r.RecordId, r.Status.ChoiceId ?? "", r.Status.Name, Instant(r.Since), Number(r.Seconds), Number(r.P90Seconds)]));

    public static string Assignments(AssignmentReport report) => Lines(
        ["person", "recordId", "statusChoiceId", "status", "seconds"],
        report.Rows.Select(r => (IEnumerable<string>)[r.Person, r.RecordId, r.Status.ChoiceId ?? "", r.Status.Name, Number(r.Seconds)]));

    /// <summary>The per-period table of an assignment report (the UI's second export).</summary>
    public static string AssignmentPeriods(AssignmentReport report) => Lines(
        ["periodStart", "person", "statusChoiceId", "status", "records", "seconds"],
        report.Periods.Select(p => (IEnumerable<string>)[p.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Person,
            p.Status.ChoiceId ?? "", p.Status.Name, Number(p.Records), Number(p.Seconds)]));

    private static string Lines(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var csv = new StringBuilder(CsvText.Line(header));
        foreach (var row in rows)
        {
            csv.Append(CsvText.Line(row));
        }
        return csv.ToString();
    }

    private static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
