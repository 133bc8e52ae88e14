namespace AirtableSync.Revisions;

/// <summary>
/// One <c>div.historicalCellContainer</c> of an activity's <c>diffRowHtml</c>, read (docs/airtable/revision-history.md §4.1).
/// Values are display strings; a single value is a one-element list; null means "no value on that side"
/// (<c>nullToValue</c> old side, <c>valueToNull</c> new side). When <see cref="IsParsed"/> is false the markup was not
/// understood and <see cref="RawHtml"/> is all that is reliable.
/// </summary>
public sealed record ParsedFieldChange
{
    /// <summary>Position of the container within the activity (0-based), stable for a given fragment.</summary>
    public required int Index { get; init; }
    public string? FieldId { get; init; }
    public string? FieldName { get; init; }
    public string? ColumnType { get; init; }
    public ChangeKind ChangeKind { get; init; } = ChangeKind.Unknown;
    public IReadOnlyList<string>? OldValues { get; init; }
    public IReadOnlyList<string>? NewValues { get; init; }
    public bool IsParsed { get; init; }
    /// <summary>Outer HTML of the container (or the whole fragment when no container was found).</summary>
    public required string RawHtml { get; init; }
}
