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

/// <summary>A base's revision events, newest first (changedAt desc, then recordId, activityId, fieldId desc), narrowed by every filter set.</summary>
/// <param name="Actor">A person's Airtable user id (usr…) as stored in ActorId.</param>
/// <param name="From">Inclusive lower bound of ChangedAt.</param>
/// <param name="To">Exclusive upper bound of ChangedAt.</param>
/// <param name="Search">Case-insensitive substring searched in the old and new values (and the field name).</param>
/// <param name="Cursor">Opaque, from the previous page's NextCursor; null for the first page.</param>
public sealed record ActivityQuery(
    string BaseId,
    string? TableId = null,
    string? FieldId = null,
    string? Actor = null,
    RevisionEventKind? Kind = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Search = null,
    string? Cursor = null,
    int Take = 50);

/// <summary>One page of the feed; <paramref name="NextCursor"/> is null on the last page.</summary>
public sealed record ActivityPage(IReadOnlyList<RevisionEvent> Items, string? NextCursor);

/// <summary>Someone who made changes in a base, for the feed's person filter.</summary>
public sealed record ActivityActor(string Id, string? Name, string? Email, int EventCount);
