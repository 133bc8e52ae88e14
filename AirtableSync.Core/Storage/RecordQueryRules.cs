namespace AirtableSync.Storage;

// Input checks both providers apply to a RecordQuery before touching the database.
internal static class RecordQueryRules
{
    public const int MaxTake = 1000;
    public const int MaxFilters = 20;
    public const int MaxFilterValues = 100;

    public static void Validate(RecordQuery query)
    {
        ArgumentException.ThrowIfNullOrEmpty(query.BaseId, nameof(query));
        ArgumentException.ThrowIfNullOrEmpty(query.TableId, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip, nameof(query));
        if (query.Take is < 1 or > MaxTake)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Take, $"Take must be between 1 and {MaxTake}.");
        }
        if (query.SortFieldId is { } field && !IsFieldId(field))
        {
            throw new ArgumentException($"Sort field id '{field}' is not an Airtable field id.", nameof(query));
        }
        ValidateFilters(query);
    }

    // What a filter must be whatever the table: the schema checks (field exists, type fits) are RecordCondition's.
    private static void ValidateFilters(RecordQuery query)
    {
        var filters = query.Filters ?? [];
        if (filters.Count > MaxFilters)
        {
            throw new ArgumentException($"A query takes at most {MaxFilters} filters, not {filters.Count}.", nameof(query));
        }
        foreach (var filter in filters)
        {
            if (filter is null)
            {
                throw new ArgumentException("A filter is null.", nameof(query));
            }
            if (!IsFieldId(filter.FieldId))
            {
                throw new ArgumentException($"Filter field id '{filter.FieldId}' is not an Airtable field id.", nameof(query));
            }
            switch (filter)
            {
                case ValueFilter { Values: null }:
                    throw new ArgumentException($"The filter on field '{filter.FieldId}' has no list of values.", nameof(query));
                case ValueFilter { Values.Count: > MaxFilterValues } values:
                    throw new ArgumentException($"The filter on field '{filter.FieldId}' has {values.Values.Count} values; at most {MaxFilterValues} are allowed.", nameof(query));
                case ValueFilter values when values.Values.Any(v => v is null):
                    throw new ArgumentException($"The filter on field '{filter.FieldId}' has a null value.", nameof(query));
                case DateRangeFilter { From: { } from, To: { } to } when from > to:
                    throw new ArgumentException($"The date range on field '{filter.FieldId}' starts ({from:yyyy-MM-dd}) after it ends ({to:yyyy-MM-dd}).", nameof(query));
                case ValueFilter or DateRangeFilter:
                    break;
                default:
                    throw new ArgumentException($"The filter on field '{filter.FieldId}' is a {filter.GetType().Name}, which no store supports.", nameof(query));
            }
        }
    }

    // The field id becomes a JSON path (SQLite) or a document path (MongoDB); Airtable ids are alphanumeric,
    // so anything else is refused rather than escaped.
    public static bool IsFieldId(string? id) => !string.IsNullOrEmpty(id) && id.All(char.IsAsciiLetterOrDigit);

    // The lower-cased search term, or null when the query does not search.
    public static string? SearchTerm(RecordQuery query) =>
        string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim().ToLowerInvariant();
}
