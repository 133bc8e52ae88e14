using Microsoft.Data.Sqlite;

namespace AirtableSync.Storage.Sqlite;

public sealed partial class SqliteSyncStore
{
    private const string RecordColumns =
        "base_id, table_id, id, created_time, fields_json, first_seen_at, last_seen_at, updated_at, deleted_at, revisions_fetched_at";

    public async Task<RecordPage> QueryRecordsAsync(RecordQuery query, CancellationToken cancellationToken = default)
    {
        RecordQueryRules.Validate(query);
        var search = RecordQueryRules.SearchTerm(query);
        // The schema decides the sort's kind, hence its index; the page below re-reads it in its own snapshot.
        if (query.SortFieldId is not null)
        {
            var fields = await ReadAsync(db => ReadFieldsAsync(db, query, cancellationToken), cancellationToken);
            await EnsureSortIndexAsync(SqliteRecordOrder.For(RecordSort.For(query, fields), query.SortDirection, query.TableId), cancellationToken);
        }
        return await ReadAsync(async db =>
        {
            await using var transaction = db.BeginTransaction(deferred: true); // one snapshot for schema, page and count
            var fields = query.SortFieldId is null && query.Filters is not { Count: > 0 } ? null : await ReadFieldsAsync(db, query, cancellationToken);
            var sort = query.SortFieldId is null ? null : RecordSort.For(query, fields);
            var order = SqliteRecordOrder.For(sort, query.SortDirection, query.TableId);
            var conditions = RecordCondition.For(query, fields);
            // The count shares the page index (base_id, table_id, deleted, created_time, id). With a sort index, the table
            // term is the index's own literal.
            var scope = (order.IndexName is null ? "table_id = $table" : SqliteRecordOrder.TableTerm(query.TableId)) + " AND base_id = $base"
                + (query.IncludeDeleted ? "" : " AND deleted = 0")
                + string.Concat(conditions.Select((c, i) => $" AND {SqliteRecordConditions.Sql(c, i)}"));
            // Three ways to a search's window (SqliteRecordSearch): outwards from few trigram matches (CROSS JOIN keeps that
            // loop order), a lookup each; the records in window order tested against the matches' rowids (one pass over the
            // matches, then the page index alone); or the records in window order tested with instr, which stops once the
            // window is full. Left to itself SQLite would take the second way even for one match.
            (long Sampled, long Hits)? sample = null;
            async Task<(long Sampled, long Hits)> Sample() => sample ??= await SampleAsync(db, query, search, conditions, scope, cancellationToken);
            string? match = null;
            if (search is not null)
            {
                if (SqliteRecordSearch.IsPhrase(search))
                {
                    match = SqliteRecordSearch.Phrase(search);
                }
                else if (ForcedSearchPath is not null || !IsDense(await Sample()))
                {
                    if (await SqliteRecordSearch.ShortNeedleTermsAsync(db, search, cancellationToken) is { } terms)
                    {
                        if (terms.Count == 0)
                        {
                            return new RecordPage([], 0); // no text holds the needle
                        }
                        match = SqliteRecordSearch.AnyOf(terms);
                    }
                }
            }
            var indexed = match is not null;
            var fromMatches = $"records_search CROSS JOIN records ON records.rowid = records_search.rowid WHERE {SqliteRecordSearch.MatchSql} AND {scope}";
            var walk = search is null ? $"records WHERE {scope}" : $"records WHERE {scope} AND {SqliteRecordSearch.InstrSql}";
            var path = !indexed ? SearchPath.Walk
                : ForcedSearchPath ?? (await FewMatchesAsync(db, match!, cancellationToken) ? SearchPath.Matches
                    : WalkIsShort(await Sample(), query) ? SearchPath.Walk : SearchPath.MatchedRowids);
            var fewMatches = path == SearchPath.Matches;
            var windowFrom = path switch
            {
                SearchPath.Matches => fromMatches,
                SearchPath.MatchedRowids => $"records WHERE {scope} AND records.rowid IN (SELECT rowid FROM records_search WHERE {SqliteRecordSearch.MatchSql})",
                _ => walk,
            };
            await using var page = db.Command($"SELECT {RecordColumns} FROM {windowFrom} ORDER BY {order.OrderBy} LIMIT $take OFFSET $skip");
            Bind(page, query, search, match, conditions).With("$take", query.Take).With("$skip", query.Skip);
            if (sort is { Kind: RecordSortKind.ChoiceOrder })
            {
                page.With("$choices", StorageJson.Serialize(sort.Choices)).With("$choiceCount", sort.Choices.Count);
            }
            var items = await ListAsync(page, ReadRecord, cancellationToken);
            if (RecordPage.TotalFromWindow(query.Skip, query.Take, items.Count) is { } known)
            {
                return new RecordPage(items, known); // a short window ends the records: no second pass to count them
            }
            if (search is null || fewMatches)
            {
                await using var exact = Bind(db.Command($"SELECT count(*) FROM {(fewMatches ? fromMatches : walk)}"), query, search, match, conditions);
                return new RecordPage(items, Convert.ToInt32(await exact.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture));
            }
            // Many matches: counted up to the limit, from the trigram matches (a lookup each) or, without trigrams, by the walk.
            var limit = RecordPage.SearchCountLimit(query.Skip, query.Take);
            await using var count = Bind(db.Command($"SELECT count(*) FROM (SELECT 1 FROM {(indexed ? fromMatches : walk)} LIMIT $countLimit)"), query, search, match, conditions)
                .With("$countLimit", limit + 1);
            return RecordPage.Counted(items, Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture), limit);
        }, cancellationToken);
    }

    internal enum SearchPath { Matches, MatchedRowids, Walk }

    // Tests set a path to compare the three over one file; a needle of 1–2 characters then always asks for its terms.
    internal SearchPath? ForcedSearchPath { get; init; }

    // Whether the instr walk fills the window within WalkRows rows, judged by the matches among the scope's first
    // SampleRows rows in page order (a few milliseconds). A dense needle (every tenth row or more) always walks: its
    // matched rowids would be a list of a tenth of the table or more. The sample only steers the cost, never the rows.
    private const int SampleRows = 1000;
    private const int WalkRows = 50_000;

    private static async Task<(long Sampled, long Hits)> SampleAsync(SqliteConnection db, RecordQuery query, string? search, IReadOnlyList<RecordCondition> conditions, string scope, CancellationToken cancellationToken)
    {
        await using var command = Bind(db.Command($"SELECT count(*), coalesce(sum({SqliteRecordSearch.InstrSql}), 0) FROM (SELECT search_text FROM records WHERE {scope} LIMIT {SampleRows})"),
            query, search, null, conditions);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static bool IsDense((long Sampled, long Hits) sample) => sample.Sampled < SampleRows || sample.Hits * 10 >= sample.Sampled;

    private static bool WalkIsShort((long Sampled, long Hits) sample, RecordQuery query) =>
        IsDense(sample) || (query.Skip + (long)query.Take) * sample.Sampled <= WalkRows * sample.Hits;

    private static async Task<bool> FewMatchesAsync(SqliteConnection db, string match, CancellationToken cancellationToken)
    {
        await using var command = db.Command($"SELECT count(*) FROM (SELECT 1 FROM records_search WHERE {SqliteRecordSearch.MatchSql} LIMIT $limit)")
            .With("$search", match).With("$limit", SqliteRecordSearch.FewMatches + 1);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) <= SqliteRecordSearch.FewMatches;
    }

    // Sort indexes known to exist in this file; CREATE INDEX IF NOT EXISTS is cheap, but it is a write and waits for the writer.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _sortIndexes = new(StringComparer.Ordinal);

    // The first sort of a table by a field builds its index over the table's rows (seconds at 500,000 records) while
    // writes wait; every later window, and every later run on this file, finds it.
    private async Task EnsureSortIndexAsync(SqliteRecordOrder order, CancellationToken cancellationToken)
    {
        if (order.IndexName is not { } name || order.IndexSql is not { } sql || _sortIndexes.ContainsKey(name))
        {
            return;
        }
        await WriteAsync(async db =>
        {
            await using var create = db.Command(sql);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
        _sortIndexes[name] = true;
    }

    private static async Task<IReadOnlyList<FieldSchema>?> ReadFieldsAsync(SqliteConnection db, RecordQuery query, CancellationToken cancellationToken)
    {
        await using var command = db.Command("SELECT fields_json FROM tables WHERE base_id = $base AND id = $table")
            .With("$base", query.BaseId).With("$table", query.TableId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? StorageJson.Deserialize<List<FieldSchema>>(json) : null;
    }

    private static SqliteCommand Bind(SqliteCommand command, RecordQuery query, string? search, string? match, IReadOnlyList<RecordCondition> conditions)
    {
        command.With("$base", query.BaseId).With("$table", query.TableId);
        for (var i = 0; i < conditions.Count; i++)
        {
            SqliteRecordConditions.Bind(command, conditions[i], i);
        }
        // Both forms of the term: the walk's needle, the trigram index's match (a statement ignores what it does not name).
        command = search is null ? command : command.With("$needle", search);
        return match is null ? command : command.With("$search", match);
    }

    public Task<IReadOnlyList<CellPerson>> ListPeopleAsync(string baseId, string tableId, string fieldId, int limit = 200, CancellationToken cancellationToken = default)
    {
        CellPeople.Validate(baseId, tableId, fieldId, limit);
        return ReadAsync(async db =>
        {
            // A single collaborator is an object, several an array of objects; a record naming someone twice counts once.
            await using var command = db.Command("""
                WITH cells AS (
                    SELECT r.id AS record_id, json_extract(r.fields_json, $path) AS person FROM records AS r
                    WHERE r.base_id = $base AND r.table_id = $table AND r.deleted = 0 AND json_type(r.fields_json, $path) = 'object'
                    UNION ALL
                    SELECT r.id, cell.value FROM records AS r, json_each(r.fields_json, $path) AS cell
                    WHERE r.base_id = $base AND r.table_id = $table AND r.deleted = 0 AND json_type(r.fields_json, $path) = 'array'
                      AND cell.type = 'object')
                SELECT json_extract(person, '$.id') AS person_id,
                       max(CASE json_type(person, '$.name') WHEN 'text' THEN json_extract(person, '$.name') END),
                       max(CASE json_type(person, '$.email') WHEN 'text' THEN json_extract(person, '$.email') END),
                       count(DISTINCT record_id)
                FROM cells WHERE json_type(person, '$.id') = 'text' GROUP BY person_id
                """).With("$base", baseId).With("$table", tableId).With("$path", $"$.\"{fieldId}\"");
            var people = await ListAsync(command, r => new CellPerson(r.GetString(0), r.GetNullableString(1), r.GetNullableString(2), r.GetInt32(3)), cancellationToken);
            return CellPeople.Order(people, limit);
        }, cancellationToken);
    }

    public Task<StoredRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            await using var command = db.Command($"SELECT {RecordColumns} FROM records WHERE id = $id").With("$id", recordId);
            return (await ListAsync(command, ReadRecord, cancellationToken)).SingleOrDefault();
        }, cancellationToken);

    public Task<IReadOnlyList<StoredRecord>> GetRecordsByIdsAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<StoredRecord>>(async db =>
        {
            await using var command = db.Command($"SELECT {RecordColumns} FROM records WHERE id IN (SELECT value FROM json_each($ids)) ORDER BY id")
                .With("$ids", StorageJson.Serialize(recordIds));
            return await ListAsync(command, ReadRecord, cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<StoredRecord>> ListRecordsNeedingRevisionsAsync(string baseId, string tableId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync<IReadOnlyList<StoredRecord>>(async db =>
        {
            await using var command = db.Command($"""
                SELECT {RecordColumns} FROM records
                WHERE base_id = $base AND table_id = $table AND deleted = 0
                  AND (revisions_fetched_at IS NULL OR revisions_fetched_at < updated_at)
                ORDER BY updated_at, id LIMIT $limit
                """).With("$base", baseId).With("$table", tableId).With("$limit", limit);
            return await ListAsync(command, ReadRecord, cancellationToken);
        }, cancellationToken);
    }

    private static StoredRecord ReadRecord(SqliteDataReader r) => new()
    {
        BaseId = r.GetString(0),
        TableId = r.GetString(1),
        Id = r.GetString(2),
        CreatedTime = r.GetTime(3),
        FieldsJson = r.GetString(4),
        FirstSeenAt = r.GetTime(5),
        LastSeenAt = r.GetTime(6),
        UpdatedAt = r.GetTime(7),
        DeletedAt = r.GetNullableTime(8),
        RevisionsFetchedAt = r.GetNullableTime(9),
    };
}
