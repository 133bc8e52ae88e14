namespace AirtableSync.Storage.Sqlite;

// How the grid's search becomes SQL. A record matches when instr(search_text, needle) > 0: search_text is already
// lower-cased (RecordContent) and the needle is the lower-cased term. records_search (migration 9) is an FTS5 trigram
// index over the same text, case-sensitive, so a quoted FTS5 phrase of the needle's trigrams matches exactly the rows
// instr finds, without reading them. Trigrams need 3 characters (code points, as SQLite counts them); a shorter needle
// has no trigram to look up, and only instr can answer it.
//
// Which of the two answers a window depends on how many records match (SqliteSyncStore.QueryRecordsAsync):
// - Few (at most FewMatches rows in the trigram index, every table and tombstone included): the window and its count are
//   read from the matches outwards, a lookup per match, then sorted. Walking the table instead would read all of it.
// - Many, or a needle of 1–2 characters: the window walks the records in the window's own order (page or sort index),
//   tests each with instr and stops once the window is full, so a dense needle reads little more than the window (at
//   500,000 records, "in progress" in every record: a page reads 50 rows instead of sorting 500,000 matches). The count
//   stops at RecordPage.SearchCountLimit ("10,000+"): from the trigram matches when there are trigrams (at most that
//   many lookups), else by the same walk. A rare needle of 1–2 characters is still a scan of the table; the window
//   alone does that scan when it comes back short, since it then tells the count itself.
internal static class SqliteRecordSearch
{
    public const int MinIndexedLength = 3;

    // Up to this many rows in the trigram index, a search is answered from its matches (a lookup each) rather than by
    // walking the page index (about as costly as 5,000 lookups at 500,000 records).
    public const int FewMatches = 5000;

    public static bool UsesIndex(string search) => CodePoints(search) >= MinIndexedLength;

    // The walk's test: $needle is the lower-cased term itself.
    public const string InstrSql = "instr(search_text, $needle) > 0";

    // The trigram index's test, for a FROM over records_search; $search is Phrase(needle).
    public const string MatchSql = "records_search MATCH $search";

    // An FTS5 string: double quotes around it, a double quote inside doubled; nothing else is special inside one.
    public static string Phrase(string search) => $"\"{search.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

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
