namespace AirtableSync.Storage.Sqlite;

// How the grid's search becomes a WHERE term. records_search (migration 8) is an FTS5 trigram index over each record's
// search_text, which is already lower-cased (RecordContent), so the index is case-sensitive and the needle is the
// lower-cased term: a quoted FTS5 phrase of trigrams matches exactly the rows whose text contains the needle, the
// same rows as instr(search_text, needle) > 0, without a scan. Trigrams need 3 characters (code points, as SQLite
// counts them); a shorter needle has no trigram to look up and falls back to instr over the column.
internal static class SqliteRecordSearch
{
    public const int MinIndexedLength = 3;

    // Up to this many rows in the trigram index, a search is answered from its matches (a lookup each) rather than by
    // walking the page index (about as costly as 5,000 lookups at 500,000 records).
    public const int FewMatches = 5000;

    public static bool UsesIndex(string search) => CodePoints(search) >= MinIndexedLength;

    public static string Sql(string search) =>
        UsesIndex(search)
            ? "records.rowid IN (SELECT rowid FROM records_search WHERE records_search MATCH $search)"
            : "instr(search_text, $search) > 0";

    // An FTS5 string: double quotes around it, a double quote inside doubled; nothing else is special inside one.
    public static string Parameter(string search) =>
        UsesIndex(search) ? $"\"{search.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : search;

    private static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }
        return count;
    }
}
