namespace AirtableSync.Storage.Sqlite;

// How the grid's search becomes SQL. A record matches when instr(search_text, needle) > 0: search_text is already
// lower-cased (RecordContent) and the needle is the lower-cased term. records_search (migration 9) is an FTS5 trigram
// index over the same text, case-sensitive, so a quoted FTS5 phrase of the needle's trigrams matches exactly the rows
// instr finds, without reading them. Trigrams need 3 characters (code points, as SQLite counts them); a shorter needle
// has no trigram to look up, and only instr can answer it.
//
// How a window is read depends on how many records match (SqliteSyncStore.QueryRecordsAsync):
// - Few (at most FewMatches rows in the trigram index, every table and tombstone included): the window and its count are
//   read from the matches outwards, a lookup per match, then sorted. Walking the table instead would read all of it.
// - Many, or a needle of 1–2 characters: the window walks the records in the window's own order (page or sort index),
//   tests each with instr and stops once the window is full, so a dense needle reads little more than the window (at
//   500,000 records with "in progress" in every one, 50 rows rather than a list of 500,000 matches to test the table
//   against). Where the walk would be long (a sample of the table's first 1,000 rows says the window's end lies beyond
//   50,000 rows, and fewer than one row in ten matches), the window walks the page index testing rowids against the
//   matches instead: one pass over the matches, no row read until one is in the window (a window at offset 4,900 of 5,000
//   spread matches: 85 ms rather than 550 ms, loaded machine). The sample steers the cost only, never the rows.
// - The count of many matches stops at RecordPage.SearchCountLimit ("10,000+"): from the trigram matches when there are
//   trigrams (a lookup per match until the limit is reached in scope, so matches in other tables cost too), else by the
//   instr walk (at 10% density, 100,000 rows for the first 10,000). No count is run when the window comes back short,
//   since that tells it.
// A rare needle of 1–2 characters remains a scan of the table (the window's own, ~0.5 s at 500,000 records on a loaded
// 2-core machine). A covering index of search_text in page order made that scan 1.4–1.8× faster (measured), for a
// second copy of every record's text written with it, so it is not kept; trigram prefix queries find nothing for a
// 2-character needle (the tokenizer makes no token of it).
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
