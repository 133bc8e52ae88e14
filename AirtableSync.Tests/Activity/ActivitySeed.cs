using AirtableSync.Storage;
using AirtableSync.Tests.Ui;

namespace AirtableSync.Tests.Activity;

/// <summary>The sample base with five revision events across two tables, two people and every kind, newest first:
/// People/recAda (T+4m), then two in the same millisecond (Project 003's Owner, Project 001's Status), Project 002's Notes, Project 001's Status.</summary>
internal static class ActivitySeed
{
    public static readonly DateTimeOffset T = new(2026, 5, 9, 10, 0, 0, TimeSpan.Zero);

    public static readonly (string Record, string Activity, string Field)[] NewestFirst =
    [
        ("recAda0000000001", "act5", "fldPName"),
        (SampleBase.ProjectId(3), "act4", "fldOwner"),
        (SampleBase.ProjectId(1), "act3", "fldStatus"),
        (SampleBase.ProjectId(2), "act2", "fldNotes"),
        (SampleBase.ProjectId(1), "act1", "fldStatus"),
    ];

    public static async Task SeedAsync(ISyncStore store, CancellationToken cancellationToken)
    {
        await SampleBase.SeedAsync(store, projectCount: 5, cancellationToken);
        await store.UpsertRevisionEventsAsync(
        [
            Event(SampleBase.ProjectId(1), "act1", "fldStatus", "Status", RevisionEventKind.Status, 1, "usrAda", ["Todo"], ["Doing"]),
            Event(SampleBase.ProjectId(2), "act2", "fldNotes", "Notes", RevisionEventKind.Field, 2, "usrBob", ["notes for 2"], ["Überprüfung nötig"]),
            Event(SampleBase.ProjectId(1), "act3", "fldStatus", "Status", RevisionEventKind.Status, 3, "usrBob", ["Doing"], ["Done"]),
            Event(SampleBase.ProjectId(3), "act4", "fldOwner", "Owner", RevisionEventKind.Assignee, 3, "usrAda", null, ["Ada L"]) with { ChangeKind = ChangeKind.NullToValue },
            Event("recAda0000000001", "act5", "fldPName", "Old name", RevisionEventKind.Field, 4, "usrAda", ["Ada"], ["Ada Lovelace"], SampleBase.People),
        ], cancellationToken);
    }

    private static RevisionEvent Event(string record, string activity, string field, string fieldName, RevisionEventKind kind, int minute, string actor,
        IReadOnlyList<string>? oldValues, IReadOnlyList<string> newValues, string table = SampleBase.Projects) => new()
    {
        RecordId = record,
        BaseId = SampleBase.BaseId,
        TableId = table,
        ActivityId = activity,
        FieldId = field,
        FieldName = fieldName,
        Kind = kind,
        ChangeKind = ChangeKind.Diff,
        OldValues = oldValues,
        NewValues = newValues,
        ChangedAt = T.AddMinutes(minute),
        ActorId = actor,
        ActorName = actor == "usrAda" ? "Ada L" : "Bob B",
        ActorEmail = actor == "usrAda" ? "ada@example.com" : "bob@example.com",
    };
}
