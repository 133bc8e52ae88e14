namespace AirtableSync.Model;

/// <summary>
/// One change of one field, as analytics read it: the values only (display names as Airtable showed them at the time),
/// without the event's markup. Streamed per table and field, ordered by record id then <see cref="ChangedAt"/>.
/// </summary>
public sealed record FieldChange(string RecordId, string ActivityId, DateTimeOffset ChangedAt, IReadOnlyList<string>? OldValues, IReadOnlyList<string>? NewValues);

/// <summary>
/// A record of a table with the current cell of one field: <see cref="CellJson"/> is the cell's JSON as Airtable returned it
/// (null when the record has no value there). Streamed ordered by record id, tombstones included.
/// </summary>
public sealed record RecordFieldCell(string RecordId, DateTimeOffset CreatedTime, DateTimeOffset? DeletedAt, string? CellJson);
