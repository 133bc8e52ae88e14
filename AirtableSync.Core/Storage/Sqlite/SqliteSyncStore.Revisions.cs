using Microsoft.Data.Sqlite;

namespace AirtableSync.Storage.Sqlite;

public sealed partial class SqliteSyncStore
{
    public Task<int> UpsertRevisionEventsAsync(IReadOnlyList<RevisionEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return Task.FromResult(0);
        }
        return WriteAsync(async db =>
        {
            // INSERT OR IGNORE tells new from known (changes() = 1); a known key is then replaced, so a re-parse of
            // the same activity (docs/airtable/revision-history.md §8.1) refreshes the event without duplicating it.
            await using var insert = db.Command("""
                INSERT OR IGNORE INTO revision_events
                    (record_id, activity_id, field_id, changed_at, event_json, base_id, table_id, actor_id, kind, search_text, old_values, new_values)
                VALUES ($record, $activity, $field, $at, $json, $base, $table, $actor, $kind, $search, $old, $new)
                """);
            await using var replace = db.Command("""
                UPDATE revision_events SET changed_at = $at, event_json = $json, base_id = $base, table_id = $table,
                    actor_id = $actor, kind = $kind, search_text = $search, old_values = $old, new_values = $new
                WHERE record_id = $record AND activity_id = $activity AND field_id = $field
                """);
            var added = 0;
            foreach (var revision in events)
            {
                foreach (var command in new[] { insert, replace })
                {
                    command.Parameters.Clear();
                    command.With("$record", revision.RecordId).With("$activity", revision.ActivityId).With("$field", revision.FieldId)
                        .With("$at", StoredTime.ToMilliseconds(revision.ChangedAt)).With("$json", StorageJson.Serialize(revision with { ChangedAt = StoredTime.Truncate(revision.ChangedAt) }))
                        .With("$base", revision.BaseId).With("$table", revision.TableId).With("$actor", revision.ActorId)
                        .With("$kind", revision.Kind.ToString()).With("$search", RevisionSearchText.Of(revision))
                        .With("$old", FieldValuesJson(revision.OldValues)).With("$new", FieldValuesJson(revision.NewValues));
                }
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    added++;
                }
                else
                {
                    await replace.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            return added;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<RevisionEvent>> GetRevisionsAsync(string recordId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<RevisionEvent>>(async db =>
        {
            await using var command = db.Command("""
                SELECT event_json FROM revision_events WHERE record_id = $record
                ORDER BY changed_at DESC, activity_id DESC, field_id
                """).With("$record", recordId);
            return await ListAsync(command, r => StorageJson.Deserialize<RevisionEvent>(r.GetString(0)), cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlySet<string>> GetKnownActivityIdsAsync(string recordId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlySet<string>>(async db =>
        {
            await using var command = db.Command("SELECT DISTINCT activity_id FROM revision_events WHERE record_id = $record").With("$record", recordId);
            return (await ListAsync(command, r => r.GetString(0), cancellationToken)).ToHashSet(StringComparer.Ordinal);
        }, cancellationToken);

    public Task UpsertRecordCommentsAsync(IReadOnlyList<RecordComment> comments, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            await using var upsert = db.Command("""
                INSERT INTO record_comments (record_id, comment_id, author_id, author_name, text, created_at)
                VALUES ($record, $comment, $author, $name, $text, $at)
                ON CONFLICT (record_id, comment_id) DO UPDATE SET author_id = excluded.author_id,
                    author_name = excluded.author_name, text = excluded.text, created_at = excluded.created_at
                """);
            foreach (var comment in comments)
            {
                upsert.Parameters.Clear();
                upsert.With("$record", comment.RecordId).With("$comment", comment.CommentId).With("$author", comment.AuthorId)
                    .With("$name", comment.AuthorName).With("$text", comment.Text).With("$at", StoredTime.ToMilliseconds(comment.CreatedAt));
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }
        }, cancellationToken);

    public Task<IReadOnlyList<RecordComment>> GetRecordCommentsAsync(string recordId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<RecordComment>>(async db =>
        {
            await using var command = db.Command("""
                SELECT record_id, comment_id, author_id, author_name, text, created_at FROM record_comments
                WHERE record_id = $record ORDER BY created_at, comment_id
                """).With("$record", recordId);
            return await ListAsync(command, ReadComment, cancellationToken);
        }, cancellationToken);

    private static RecordComment ReadComment(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetNullableString(2), r.GetNullableString(3), r.GetString(4), r.GetTime(5));
}
