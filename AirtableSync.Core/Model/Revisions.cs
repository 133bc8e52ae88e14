namespace AirtableSync.Model;

/// <summary>How a field changed in one activity, as Airtable's diff markup says (docs/airtable/revision-history.md §4.1).</summary>
public enum ChangeKind { Diff, NullToValue, ValueToNull, Unknown }

/// <summary>What the change means for analysts: the configured Status or Assignee field, or any other field.</summary>
public enum RevisionEventKind { Field, Status, Assignee }

/// <summary>
/// One field-level change recovered from a record's revision history (docs/airtable/revision-history.md §8.1).
/// Unique key: (RecordId, ActivityId, FieldId). <see cref="RawHtml"/> is kept so events can be re-parsed
/// when Airtable changes its markup; <see cref="IsParsed"/> is false when the markup was not understood.
/// </summary>
public sealed record RevisionEvent
{
    public required string RecordId { get; init; }
    public required string BaseId { get; init; }
    public required string TableId { get; init; }
    public required string ActivityId { get; init; }
    public required string FieldId { get; init; }
    public string? FieldName { get; init; }
    /// <summary>Airtable's internal column type from <c>data-columntype</c> (select, collaborator, foreignKey…).</summary>
    public string? ColumnType { get; init; }
    public RevisionEventKind Kind { get; init; }
    public ChangeKind ChangeKind { get; init; }
    public IReadOnlyList<string>? OldValues { get; init; }
    public IReadOnlyList<string>? NewValues { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public string? ActorId { get; init; }
    public string? ActorName { get; init; }
    public string? ActorEmail { get; init; }
    public string? GroupType { get; init; }
    public bool IsParsed { get; init; } = true;
    public string RawHtml { get; init; } = "";
}

public sealed record RecordComment(string RecordId, string CommentId, string? AuthorId, string? AuthorName, string Text, DateTimeOffset CreatedAt);
