namespace AirtableSync.Storage;

// Input checks both providers apply to a RecordQuery before touching the database.
internal static class RecordQueryRules
{
    public const int MaxTake = 1000;

    public static void Validate(RecordQuery query)
    {
        ArgumentException.ThrowIfNullOrEmpty(query.BaseId, nameof(query));
        ArgumentException.ThrowIfNullOrEmpty(query.TableId, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip, nameof(query));
        if (query.Take is < 1 or > MaxTake)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Take, $"Take must be between 1 and {MaxTake}.");
        }
        // The field id becomes a JSON path (SQLite) or a document path (MongoDB); Airtable ids are alphanumeric,
        // so anything else is refused rather than escaped.
        if (query.SortFieldId is { } field && (field.Length == 0 || !field.All(char.IsAsciiLetterOrDigit)))
        {
            throw new ArgumentException($"Sort field id '{field}' is not an Airtable field id.", nameof(query));
        }
    }

    // The lower-cased search term, or null when the query does not search.
    public static string? SearchTerm(RecordQuery query) =>
        string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim().ToLowerInvariant();
}
