namespace AirtableSync.Revisions;

// One div.historicalCellContainer of an activity's diffRowHtml, read (docs/airtable/revision-history.md §4.1).
// Values are display strings; a single value is a one-element list; null means "no value on that side"
// (nullToValue old side, valueToNull new side). When IsParsed is false the markup was not
// understood and RawHtml is all that is reliable.
public sealed record ParsedFieldChange
{
    // Position of the container within the activity (0-based), stable for a given fragment.
    public required int Index { get; init; }
    public string? FieldId { get; init; }
    public string? FieldName { get; init; }
    public string? ColumnType { get; init; }
    public ChangeKind ChangeKind { get; init; } = ChangeKind.Unknown;
    public IReadOnlyList<string>? OldValues { get; init; }
    public IReadOnlyList<string>? NewValues { get; init; }
    public bool IsParsed { get; init; }
    // Outer HTML of the container (or the whole fragment when no container was found).
    public required string RawHtml { get; init; }
}
