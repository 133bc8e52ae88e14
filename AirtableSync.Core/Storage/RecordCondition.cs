using System.Globalization;

namespace AirtableSync.Storage;

// A RecordFilter made ready for a store, decided once from the table's synced schema (like RecordSort), so both
// providers accept and refuse the same filters and match the same cells.
//
// Rules, applied the same way by SQLite and MongoDB:
// - Values: a select cell matches when it is one of the names, or (multiple selects) an array holding one of them;
//   a collaborator cell when its object's id is one of the ids, or (multiple collaborators) any object of its array
//   has one (docs/airtable/public-api.md §2.3). No values and no blanks match nothing.
// - Blank is absent, null, "" or [], as for sorting (Airtable omits empty cells, §3.1).
// - Day ranges: a date-only cell ("2025-10-27") is compared as text with the days as written. A date-time cell is
//   compared as text with the range's UTC instants [start of From in the zone, start of the day after To): Airtable
//   writes every instant as ISO 8601 in UTC with milliseconds ("2025-10-27T23:30:00.000Z"), and that text orders
//   like the instants. Any other cell (empty, not a date) never matches.
internal abstract record RecordCondition(string FieldId)
{
    // Of ValueFilter.FieldTypes, these hold people; the others hold option names.
    private static readonly HashSet<string> PersonTypes = new(StringComparer.Ordinal) { "singleCollaborator", "multipleCollaborators" };

    /// <summary>Throws <see cref="ArgumentException"/> naming the field when it is not a live field of the table or its type does not fit the filter.</summary>
    public static IReadOnlyList<RecordCondition> For(RecordQuery query, IEnumerable<FieldSchema>? fields)
    {
        if (query.Filters is not { Count: > 0 } filters)
        {
            return [];
        }
        var live = (fields ?? []).Where(f => !f.IsRemoved).DistinctBy(f => f.Id).ToDictionary(f => f.Id, StringComparer.Ordinal);
        return [.. filters.Select(filter => For(query, filter, live))];
    }

    private static RecordCondition For(RecordQuery query, RecordFilter filter, Dictionary<string, FieldSchema> fields)
    {
        if (!fields.TryGetValue(filter.FieldId, out var field))
        {
            throw new ArgumentException($"Cannot filter on field '{filter.FieldId}': it is not a field of table '{query.TableId}'.", nameof(query));
        }
        var type = field.Type ?? "";
        return filter switch
        {
            ValueFilter values when ValueFilter.FieldTypes.Contains(type) =>
                new AnyValueCondition(field.Id, PersonTypes.Contains(type) ? CellMatch.PersonId : CellMatch.Name, values.Values, values.IncludeBlank),
            ValueFilter => throw new ArgumentException(Unsupported(field, "values", "a select or collaborator field"), nameof(query)),
            DateRangeFilter range when DateRangeFilter.FieldTypes.Contains(type) => DayRangeCondition.For(range),
            DateRangeFilter => throw new ArgumentException(Unsupported(field, "a date range", "a date field"), nameof(query)),
            _ => throw new ArgumentException($"The filter on field '{field.Name}' ({field.Id}) is a {filter.GetType().Name}, which no store supports.", nameof(query)),
        };
    }

    private static string Unsupported(FieldSchema field, string what, string needs) =>
        $"Cannot filter field '{field.Name}' ({field.Id}) by {what}: it is a {field.Type ?? "field of unknown type"}, and {what} needs {needs}.";
}

internal enum CellMatch
{
    /// <summary>The cell (or an element of its array) is a string equal to a value: select option names.</summary>
    Name,
    /// <summary>The cell's object (or an object of its array) has an id equal to a value: collaborators.</summary>
    PersonId,
}

internal sealed record AnyValueCondition(string FieldId, CellMatch Match, IReadOnlyList<string> Values, bool IncludeBlank) : RecordCondition(FieldId)
{
    public bool MatchesNothing => Values.Count == 0 && !IncludeBlank;
}

// FromDay..ToDay (inclusive, yyyy-MM-dd) bound date-only cells; FromInstant (inclusive) and BeforeInstant (exclusive),
// written as Airtable writes instants, bound date-time cells. Null is an open end.
internal sealed record DayRangeCondition(string FieldId, string? FromDay, string? ToDay, string? FromInstant, string? BeforeInstant) : RecordCondition(FieldId)
{
    // "yyyy-MM-dd" and "yyyy-MM-ddT…": how a store tells a date-only cell from a date-time one.
    public const string DayPattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    public const string InstantPattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T";

    public static DayRangeCondition For(DateRangeFilter range)
    {
        var zone = range.Zone ?? TimeZoneInfo.Utc;
        return new DayRangeCondition(
            range.FieldId,
            range.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            range.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            range.From is { } from ? Instant(StartOfDay(from, zone)) : null,
            range.To is { } to ? Instant(to == DateOnly.MaxValue ? DateTime.MaxValue : StartOfDay(to.AddDays(1), zone)) : null);
    }

    // The day's first instant in the zone. Where a clock change skips midnight the day starts at the first local
    // time that exists; where midnight happens twice, at the earlier one.
    // The first and last days of the calendar clamp to the first and last instants rather than overflow.
    private static DateTime StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        var ticks = Math.Clamp(local.Ticks - offset.Ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
        return new DateTime(ticks, DateTimeKind.Utc);
    }

    private static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
