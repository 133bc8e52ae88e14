namespace AirtableSync.Tests.Ui;

/// <summary>Revision events as the revision sync stores them (docs/airtable/revision-history.md §8.1).</summary>
public static class Events
{
    public static RevisionEvent Change(string activityId, DateTimeOffset at, string fieldId, string? oldValue, string? newValue,
        RevisionEventKind kind = RevisionEventKind.Field, string columnType = "select", string actor = "Ann", string recordId = "recProj000000001") => new()
        {
            RecordId = recordId,
            BaseId = SampleBase.BaseId,
            TableId = SampleBase.Projects,
            ActivityId = activityId,
            FieldId = fieldId,
            FieldName = fieldId + " (old name)",
            ColumnType = columnType,
            Kind = kind,
            ChangeKind = oldValue is null ? ChangeKind.NullToValue : newValue is null ? ChangeKind.ValueToNull : ChangeKind.Diff,
            OldValues = oldValue is null ? null : [oldValue],
            NewValues = newValue is null ? null : [newValue],
            ChangedAt = at,
            ActorId = "usr" + actor,
            ActorName = actor,
            ActorEmail = actor.ToLowerInvariant() + "@example.com",
            RawHtml = "<div>raw</div>",
        };

    public static RevisionEvent Status(string activityId, DateTimeOffset at, string? from, string to, string actor = "Ann") =>
        Change(activityId, at, "fldStatus", from, to, RevisionEventKind.Status, "select", actor);
}
