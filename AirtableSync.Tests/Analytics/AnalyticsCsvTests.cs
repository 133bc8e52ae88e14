using AirtableSync.Analytics;
using AirtableSync.Web.Components.Pages.Analytics;

namespace AirtableSync.Tests.Analytics;

public sealed class AnalyticsCsvTests
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly StatusRef Doing = new("selDoing", "Doing");
    private static readonly StatusRef Removed = new(null, "=Old status");

    [Fact]
    public void StatusDurationsGiveWholeSecondsAndAnEmptyCellWhereThereIsNoVisit()
    {
        var report = new StatusDurationsReport("tbl", "fldStatus", From, To, To,
        [
            new(Doing, 2, 3, 1, new DurationSummary(4, 90.4, 120, 3600.6, 7200)),
            new(Removed, 0, 0, 0, new DurationSummary(0, null, null, null, null)),
        ]);

        var lines = AnalyticsCsv.StatusDurations(report).ToList();

        Assert.Equal(
        [
            "Status,Choice id,Records now,Entered,Left,Visits,Median seconds,P75 seconds,P90 seconds,Max seconds\r\n",
            "Doing,selDoing,2,3,1,4,90,120,3601,7200\r\n",
            // A name that starts like a formula is neutralised, as in every CSV the app writes.
            "'=Old status,,0,0,0,0,,,,\r\n",
        ], lines);
    }

    [Fact]
    public void FlowHasOneColumnPerStatusAndOneLinePerDay()
    {
        var report = new FlowReport("tbl", "fldStatus", From, To, "UTC", [Doing, StatusRef.None],
        [
            new(new DateOnly(2026, 1, 1), From.AddDays(1), [3, 1]),
            new(new DateOnly(2026, 1, 2), From.AddDays(2), [2, 0]),
        ]);

        Assert.Equal(["Day,Doing,\r\n", "2026-01-01,3,1\r\n", "2026-01-02,2,0\r\n"], AnalyticsCsv.Flow(report).ToList());
    }

    [Fact]
    public void CyclesAndAssignmentsNameTheirRecordsAndGiveInstantsInUtc()
    {
        var titles = new Dictionary<string, string> { ["rec1"] = "Write, then ship" };
        var cycles = new CycleTimeReport("tbl", "fldStatus", Doing, new("selDone", "Done"), From, To, "Europe/Paris",
            new DurationSummary(1, 3600, 3600, 3600, 3600), [], [],
            [new("rec1", new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 1, 5, 11, 0, 0, TimeSpan.FromHours(1)), 3600)]);
        var assignments = new AssignmentReport("tbl", "fldStatus", "fldAssignee", From, To, "UTC", AssignmentPeriodUnit.Week,
            [new("Ada Lovelace", "rec1", StatusRef.None, 59.5), new("Ada Lovelace", "rec2", Doing, 10)],
            [new(new DateOnly(2025, 12, 29), "Ada Lovelace", Doing, 1, 10)]);

        Assert.Equal(
            ["Record id,Record,Entered Doing (UTC),Entered Done (UTC),Cycle seconds\r\n", "rec1,\"Write, then ship\",2026-01-05T09:00:00Z,2026-01-05T10:00:00Z,3600\r\n"],
            AnalyticsCsv.CycleTime(cycles, titles).ToList());
        Assert.Equal(
            ["Person,Record id,Record,Status,Choice id,Seconds\r\n", "Ada Lovelace,rec1,\"Write, then ship\",(no status),,60\r\n", "Ada Lovelace,rec2,,Doing,selDoing,10\r\n"],
            AnalyticsCsv.Assignments(assignments, titles).ToList());
        Assert.Equal(
            ["Week starting,Person,Status,Choice id,Records,Seconds\r\n", "2025-12-29,Ada Lovelace,Doing,selDoing,1,10\r\n"],
            AnalyticsCsv.AssignmentPeriods(assignments).ToList());
    }
}
