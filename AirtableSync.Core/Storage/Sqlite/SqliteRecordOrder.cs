namespace AirtableSync.Storage.Sqlite;

// RecordSort's rules as an ORDER BY (MongoRecordDocuments.Order builds the same keys for MongoDB), and the index that
// serves it. Sorting 500,000 records by an expression over fields_json costs a scan and a sort per window; an
// expression index on exactly the ORDER BY's keys lets SQLite walk the index instead, so a window costs its offset
// in index steps and its rows in lookups. Such an index is made lazily, the first time a table is sorted by a field in a
// direction (SqliteSyncStore.EnsureSortIndexAsync): a table may have hundreds of fields, and each index costs every
// write of that table a little. It is partial (one table), so other tables' writes never pay for it.
//
// SQLite uses an expression index only when the query's expression is the index's own, literals included, so the
// JSON path and the table id are written into the SQL rather than bound; both are checked alphanumeric first
// (RecordQueryRules.IsFieldId). The blank key is ASC in both directions (blanks last), so each direction has its own
// index. Select fields sort by option rank, a lookup in the bound choices that no index can hold: they keep the scan.
internal sealed record SqliteRecordOrder(string OrderBy, string? IndexName, string? IndexSql)
{
    public static SqliteRecordOrder For(RecordSort? sort, SortDirection sortDirection, string tableId)
    {
        var direction = sortDirection == SortDirection.Descending ? "DESC" : "ASC";
        if (sort is null)
        {
            return new SqliteRecordOrder($"created_time {direction}, id {direction}", null, null);
        }
        var path = $"'$.\"{sort.FieldId}\"'";
        var cell = $"json_extract(fields_json, {path})";
        // Absent, null, "" and [] are blank, whatever the direction.
        var blank = $"""
            (CASE coalesce(json_type(fields_json, {path}), 'null') WHEN 'null' THEN 1
                WHEN 'text' THEN {cell} = '' WHEN 'array' THEN json_array_length(fields_json, {path}) = 0 ELSE 0 END)
            """;
        var (keys, kind) = sort.Kind switch
        {
            RecordSortKind.Checkbox => ($"coalesce({cell}, 0) {direction}", "c"),
            RecordSortKind.ChoiceOrder => (ChoiceKeys(sort.FieldId, path, cell, blank, direction), null),
            _ => ($"{blank} ASC, {cell} {direction}", "v"),
        };
        var orderBy = $"{keys}, created_time {direction}, id {direction}";
        if (kind is null || !RecordQueryRules.IsFieldId(tableId))
        {
            return new SqliteRecordOrder(orderBy, null, null);
        }
        var name = $"ix_records_sort_{tableId}_{sort.FieldId}_{kind}{(direction == "DESC" ? "d" : "a")}";
        // deleted last: the same index serves windows with and without tombstones, and the filter reads it from the index.
        return new SqliteRecordOrder(orderBy, name, $"CREATE INDEX IF NOT EXISTS {name} ON records (base_id, {orderBy}, deleted) WHERE {TableTerm(tableId)}");
    }

    // The partial index's own term: a query must repeat it word for word for SQLite to know the index holds its rows.
    public static string TableTerm(string tableId) => $"table_id = '{tableId}'";

    private static string ChoiceKeys(string fieldId, string path, string cell, string blank, string direction)
    {
        var first = $"CASE json_type(fields_json, {path}) WHEN 'array' THEN json_extract(fields_json, '$.\"{fieldId}\"[0]') ELSE {cell} END";
        var rank = $"coalesce((SELECT choice.key FROM json_each($choices) AS choice WHERE choice.value = {first}), $choiceCount)";
        return $"{blank} ASC, {rank} {direction}, {first} {direction}";
    }
}
