namespace AirtableSync.Storage;

// Both stores keep instants with millisecond precision (Airtable's own precision, and BSON's), so the
// SQLite and MongoDB providers return the same values for the same input.
internal static class StoredTime
{
    public static long ToMilliseconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? ToMilliseconds(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMilliseconds(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset Truncate(DateTimeOffset value) => FromMilliseconds(ToMilliseconds(value));
}
