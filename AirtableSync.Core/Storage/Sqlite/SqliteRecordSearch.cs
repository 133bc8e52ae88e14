namespace AirtableSync.Storage.Sqlite;

// How the grid's search becomes SQL. A record matches when instr(search_text, needle) > 0: search_text is already
// lower-cased (RecordContent) and the needle is the lower-cased term. records_search (migration 9) is an FTS5 trigram
// index over the same text, case-sensitive, so a quoted FTS5 phrase of the needle's trigrams matches exactly the rows
// instr finds, without reading them. Trigrams need 3 characters (code points, as SQLite counts them).
//
// A needle of 1–2 characters has no trigram of its own, but every text is indexed with two newlines after it (migration
// 11), so every character of a text starts one of the index's terms: the needle occurs in a text exactly when a term
// that starts with it does. records_search_terms (fts5vocab) lists those terms by range, and an FTS5 OR of them is the
// needle's match, which then takes the same paths as a longer needle's phrase. No term means no record holds it. A
// needle found in at least one row in ten of the table's first 1,000 walks as before without asking for terms (the
// vocabulary counts each term's rows, which costs more for common ones than the walk that fills the window), and so
// does one with more than MaxShortNeedleTerms terms (a scan, then, as before migration 11).
//
// How a window is read depends on how many records match (SqliteSyncStore.QueryRecordsAsync):
// - Few (at most FewMatches rows in the trigram index, every table and tombstone included): the window and its count are
//   read from the matches outwards, a lookup per match, then sorted. Walking the table instead would read all of it.
// - Many: the window walks the records in the window's own order (page or sort index),
//   tests each with instr and stops once the window is full, so a dense needle reads little more than the window (at
//   500,000 records with "in progress" in every one, 50 rows rather than a list of 500,000 matches to test the table
//   against). Where the walk would be long (a sample of the table's first 1,000 rows says the window's end lies beyond
//   50,000 rows, and fewer than one row in ten matches), the window walks the page index testing rowids against the
//   matches instead: one pass over the matches, no row read until one is in the window (a window at offset 4,900 of 5,000
//   spread matches: 85 ms rather than 550 ms, loaded machine). The sample steers the cost only, never the rows.
// - The count of many matches stops at RecordPage.SearchCountLimit ("10,000+"): from the trigram matches when there are
//   any (a lookup per match until the limit is reached in scope, so matches in other tables cost too), else by the
//   instr walk (at 10% density, 100,000 rows for the first 10,000). No count is run when the window comes back short,
//   since that tells it.
internal static class SqliteRecordSearch
{
    public const int MinIndexedLength = 3;

    // Up to this many rows in the trigram index, a search is answered from its matches (a lookup each) rather than by
    // walking the page index (about as costly as 5,000 lookups at 500,000 records).
    public const int FewMatches = 5000;

    // More terms than this for a short needle and it walks: an OR of thousands of terms merges as many lists of rows.
    public const int MaxShortNeedleTerms = 1000;

    // Whether the needle is its own phrase in the index (3 characters or more); a shorter one goes by its terms.
    public static bool IsPhrase(string search) => CodePoints(search) >= MinIndexedLength;

    // The walk's test: $needle is the lower-cased term itself.
    public const string InstrSql = "instr(search_text, $needle) > 0";

    // The trigram index's test, for a FROM over records_search; $search is Phrase(needle) or AnyOf(its terms).
    public const string MatchSql = "records_search MATCH $search";

    // An FTS5 string: double quotes around it, a double quote inside doubled; nothing else is special inside one.
    public static string Phrase(string search) => $"\"{search.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    // The terms of the index that start with a needle of 1–2 characters, in the order of their bytes, or null when there
    // are more than MaxShortNeedleTerms. The range's end is the needle with its last character's successor: UTF-8
    // orders bytes as code points, and SQLite compares terms bytewise. U+10FFFF has no successor: that range is open-ended,
    // and the prefix test keeps only the needle's terms.
    public static async Task<IReadOnlyList<string>?> ShortNeedleTermsAsync(Microsoft.Data.Sqlite.SqliteConnection db, string search, CancellationToken cancellationToken)
    {
        var end = Successor(search);
        await using var command = db.Command("SELECT term FROM records_search_terms WHERE term >= $start" + (end is null ? "" : " AND term < $end") + " LIMIT $limit")
            .With("$start", search).With("$end", end).With("$limit", MaxShortNeedleTerms + 1);
        var terms = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetString(0) is var term && term.StartsWith(search, StringComparison.Ordinal))
            {
                terms.Add(term);
            }
        }
        return terms.Count > MaxShortNeedleTerms ? null : terms;
    }

    public static string AnyOf(IReadOnlyList<string> terms) => string.Join(" OR ", terms.Select(Phrase));

    private static string? Successor(string text)
    {
        System.Text.Rune.DecodeLastFromUtf16(text, out var last, out var length);
        var next = last.Value + 1 == 0xD800 ? 0xE000 : last.Value + 1;
        return next > 0x10FFFF ? null : string.Concat(text.AsSpan(0, text.Length - length), new System.Text.Rune(next).ToString());
    }

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
