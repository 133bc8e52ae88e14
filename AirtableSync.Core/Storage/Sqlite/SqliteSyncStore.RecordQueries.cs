using Microsoft.Data.Sqlite;

namespace AirtableSync.Storage.Sqlite;

public sealed partial class SqliteSyncStore
{
    private const string RecordColumns =
        "base_id, table_id, id, created_time, fields_json, first_seen_at, last_seen_at, updated_at, deleted_at, revisions_fetched_at";

    public Task<RecordPage> QueryRecordsAsync(RecordQuery query, CancellationToken cancellationToken = default)
    {
        RecordQueryRules.Validate(query);
        var search = RecordQueryRules.SearchTerm(query);
        return ReadAsync(async db =>
        {
            await using var transaction = db.BeginTransaction(deferred: true); // one snapshot for schema, page and count
            var fields = query.SortFieldId is null && query.Filters is not { Count: > 0 } ? null : await ReadFieldsAsync(db, query, cancellationToken);
            var sort = query.SortFieldId is null ? null : RecordSort.For(query, fields);
            var conditions = RecordCondition.For(query, fields);
            // Search is instr() over the lower-cased cell text (RecordContent): a scan, but over a narrow column,
            // and the count shares the page index (base_id, table_id, deleted, created_time, id).
            var where = "base_id = $base AND table_id = $table"
                + (query.IncludeDeleted ? "" : " AND deleted = 0")
                + (search is null ? "" : " AND instr(search_text, $search) > 0")
                + string.Concat(conditions.Select((c, i) => $" AND {SqliteRecordConditions.Sql(c, i)}"));
            await using var page = db.Command($"SELECT {RecordColumns} FROM records WHERE {where} ORDER BY {Order(sort, query.SortDirection)} LIMIT $take OFFSET $skip");
            Bind(page, query, search, conditions).With("$take", query.Take).With("$skip", query.Skip);
            if (sort is not null)
            {
                page.With("$sortPath", $"$.\"{sort.FieldId}\"").With("$firstPath", $"$.\"{sort.FieldId}\"[0]")
                    .With("$choices", StorageJson.Serialize(sort.Choices)).With("$choiceCount", sort.Choices.Count);
            }
            var items = await ListAsync(page, ReadRecord, cancellationToken);
            await using var count = Bind(db.Command($"SELECT count(*) FROM records WHERE {where}"), query, search, conditions);
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return new RecordPage(items, total);
        }, cancellationToken);
    }

    // The rules are RecordSort's; MongoRecordDocuments.Order builds the same keys for MongoDB.
    private static string Order(RecordSort? sort, SortDirection sortDirection)
    {
        var direction = sortDirection == SortDirection.Descending ? "DESC" : "ASC";
        if (sort is null)
        {
            return $"created_time {direction}, id {direction}";
        }
        const string cell = "json_extract(fields_json, $sortPath)";
        // Absent, null, "" and [] are blank, whatever the direction.
        const string blank = $"""
            CASE coalesce(json_type(fields_json, $sortPath), 'null') WHEN 'null' THEN 1
                WHEN 'text' THEN {cell} = '' WHEN 'array' THEN json_array_length(fields_json, $sortPath) = 0 ELSE 0 END
            """;
        var keys = sort.Kind switch
        {
            RecordSortKind.Checkbox => $"coalesce({cell}, 0) {direction}",
            RecordSortKind.ChoiceOrder => ChoiceKeys(direction),
            _ => $"{blank} ASC, {cell} {direction}",
        };
        return $"{keys}, created_time {direction}, id {direction}";

        static string ChoiceKeys(string direction)
        {
            const string first = $"CASE json_type(fields_json, $sortPath) WHEN 'array' THEN json_extract(fields_json, $firstPath) ELSE {cell} END";
            const string rank = $"coalesce((SELECT choice.key FROM json_each($choices) AS choice WHERE choice.value = {first}), $choiceCount)";
            return $"{blank} ASC, {rank} {direction}, {first} {direction}";
        }
    }

    private static async Task<IReadOnlyList<FieldSchema>?> ReadFieldsAsync(SqliteConnection db, RecordQuery query, CancellationToken cancellationToken)
    {
        await using var command = db.Command("SELECT fields_json FROM tables WHERE base_id = $base AND id = $table")
            .With("$base", query.BaseId).With("$table", query.TableId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? StorageJson.Deserialize<List<FieldSchema>>(json) : null;
    }

    private static SqliteCommand Bind(SqliteCommand command, RecordQuery query, string? search, IReadOnlyList<RecordCondition> conditions)
    {
        command.With("$base", query.BaseId).With("$table", query.TableId);
        for (var i = 0; i < conditions.Count; i++)
        {
            SqliteRecordConditions.Bind(command, conditions[i], i);
        }
        return search is null ? command : command.With("$search", search);
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
