using AirtableSync.Storage;
using AirtableSync.Tests.Ui;

namespace AirtableSync.Tests.Analytics;

// Status histories for SampleBase's projects, whose cells end where their events do: project 2 (Done now) went
// Todo → Doing one day after its creation and Doing → Done two days later; the other projects never changed.
internal static class AnalyticsHistory
{
    public static readonly DateTimeOffset Project2Created = SampleBase.Created.AddMinutes(2);

    public static async Task SeedAsync(ISyncStore store, CancellationToken cancellationToken)
    {
        await SampleBase.SeedAsync(store, 6, cancellationToken);
        await store.UpsertRevisionEventsAsync(
        [
            Change("act1", Project2Created.AddDays(1), "Todo", "Doing"),
            Change("act2", Project2Created.AddDays(3), "Doing", "Done"),
        ], cancellationToken);
    }

    private static RevisionEvent Change(string activityId, DateTimeOffset at, string from, string to) => new()
    {
        RecordId = SampleBase.ProjectId(2),
        BaseId = SampleBase.BaseId,
        TableId = SampleBase.Projects,
        ActivityId = activityId,
        FieldId = "fldStatus",
        FieldName = "Status",
        ColumnType = "select",
        Kind = RevisionEventKind.Status,
        ChangeKind = ChangeKind.Diff,
        OldValues = [from],
        NewValues = [to],
        ChangedAt = at,
        ActorId = "usrAda",
        ActorName = "Ada L",
    };
}
