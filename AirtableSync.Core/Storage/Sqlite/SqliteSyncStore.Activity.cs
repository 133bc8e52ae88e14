using System.Text;
using Microsoft.Data.Sqlite;

namespace AirtableSync.Storage.Sqlite;

// The activity feed over migration 7's columns. EXPLAIN QUERY PLAN of the first page (no cursor, any filter set) is
//   SEARCH revision_events USING INDEX ix_revision_events_base_feed (base_id=?)   -- or _table_feed (table_id=?)
// with no "USE TEMP B-TREE FOR ORDER BY": rows come off the index newest first and the scan stops after Take + 1
// matches; with a cursor the range also bounds changed_at. INDEXED BY keeps the planner off ix_revision_events_table_field
// (which it would take for a field filter and then sort every event of the field). The price is a longer index scan
// when a filter matches few rows; the feed's page is still bounded by Take.
public sealed partial class SqliteSyncStore
{
    public Task<ActivityPage> QueryActivityAsync(ActivityQuery query, CancellationToken cancellationToken = default)
    {
        var after = ActivityCursor.Read(query);
        return ReadAsync(async db =>
        {
            await using var command = ActivityCommand(db, query, after);
            var rows = await ListAsync(command, r => StorageJson.Deserialize<RevisionEvent>(r.GetString(0)), cancellationToken);
            // Take + 1 rows were read: the extra one only says that another page exists.
            var items = rows.Count > query.Take ? rows[..query.Take] : rows;
            return new ActivityPage(items, rows.Count > query.Take ? ActivityCursor.Encode(items[^1]) : null);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ActivityActor>> ListActivityActorsAsync(string baseId, string? tableId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ActivityActor>>(async db =>
        {
            // With max(), SQLite takes the bare columns from the row holding the maximum: a person's latest name and email.
            await using var command = db.Command($"""
                SELECT actor_id, json_extract(event_json, '$.actorName'), json_extract(event_json, '$.actorEmail'), max(changed_at), count(*)
                FROM revision_events
                WHERE base_id = $base {(tableId is null ? "" : "AND table_id = $table")} AND actor_id IS NOT NULL AND actor_id <> ''
                GROUP BY actor_id
                """).With("$base", baseId).With("$table", tableId);
            var actors = await ListAsync(command, r => new ActivityActor(r.GetString(0), r.GetNullableString(1), r.GetNullableString(2), r.GetInt32(4)), cancellationToken);
            return [.. actors.OrderBy(a => a.Name ?? a.Email ?? a.Id, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.Id, StringComparer.Ordinal)];
        }, cancellationToken);

    private static SqliteCommand ActivityCommand(SqliteConnection db, ActivityQuery query, ActivityCursor.Position? after)
    {
        var sql = new StringBuilder("SELECT event_json FROM revision_events ");
        sql.Append(query.TableId is null ? "INDEXED BY ix_revision_events_base_feed " : "INDEXED BY ix_revision_events_table_feed ");
        sql.Append("WHERE base_id = $base");
        var command = db.Command("").With("$base", query.BaseId);
        void Where(string condition, string name, object value)
        {
            sql.Append(" AND ").Append(condition);
            command.With(name, value);
        }
        if (query.TableId is { } table)
        {
            Where("table_id = $table", "$table", table);
        }
        if (query.FieldId is { } field)
        {
            Where("field_id = $field", "$field", field);
        }
        if (query.Actor is { } actor)
        {
            Where("actor_id = $actor", "$actor", actor);
        }
        if (query.Kind is { } kind)
        {
            Where("kind = $kind", "$kind", kind.ToString());
        }
        if (query.From is { } from)
        {
            Where("changed_at >= $from", "$from", StoredTime.ToMilliseconds(from));
        }
        if (query.To is { } to)
        {
            Where("changed_at < $to", "$to", StoredTime.ToMilliseconds(to));
        }
        if (!string.IsNullOrEmpty(query.Search))
        {
            // search_text is lower-cased the same way (RevisionSearchText), so instr is a case-insensitive substring test.
            Where("instr(search_text, $needle) > 0", "$needle", query.Search.ToLowerInvariant());
        }
        if (after is { } position)
        {
            // changed_at <= bounds the index range; the row value then steps past the ties of that millisecond.
            sql.Append(" AND changed_at <= $afterAt AND (changed_at, record_id, activity_id, field_id) < ($afterAt, $afterRecord, $afterActivity, $afterField)");
            command.With("$afterAt", position.ChangedAtMilliseconds).With("$afterRecord", position.RecordId)
                .With("$afterActivity", position.ActivityId).With("$afterField", position.FieldId);
        }
        sql.Append(" ORDER BY changed_at DESC, record_id DESC, activity_id DESC, field_id DESC LIMIT $limit");
        command.With("$limit", query.Take + 1);
        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>The plan SQLite chooses for a feed query, one line per step (for tests that keep the comment above true).</summary>
    internal Task<IReadOnlyList<string>> ExplainActivityAsync(ActivityQuery query, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<string>>(async db =>
        {
            await using var command = ActivityCommand(db, query, ActivityCursor.Read(query));
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            return await ListAsync(command, r => r.GetString(3), cancellationToken);
        }, cancellationToken);
}
