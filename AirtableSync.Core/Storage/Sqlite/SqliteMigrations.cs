namespace AirtableSync.Storage.Sqlite;

// Forward-only schema scripts. Script N (1-based) brings the file to PRAGMA user_version = N.
// Never edit a released script: append a new one. Instants are Unix milliseconds (StoredTime).
internal static class SqliteMigrations
{
    public static IReadOnlyList<string> Scripts { get; } =
    [
        // 1: the core model.
        """
        CREATE TABLE connections (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL, protected_secret TEXT NOT NULL,
            secret_hint TEXT, airtable_user_id TEXT, email TEXT, scopes_json TEXT NOT NULL,
            secret_expires_at INTEGER, validated_at INTEGER, status_message TEXT,
            created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
        CREATE TABLE bases (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, permission_level TEXT NOT NULL, is_removed INTEGER NOT NULL,
            first_seen_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL, last_synced_at INTEGER);
        CREATE TABLE tables (
            base_id TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL,
            primary_field_id TEXT NOT NULL, description TEXT, fields_json TEXT NOT NULL, views_json TEXT NOT NULL,
            is_removed INTEGER NOT NULL, updated_at INTEGER NOT NULL,
            PRIMARY KEY (base_id, id)) WITHOUT ROWID;
        -- Small columns first, the raw cells last: a scan for counting or searching never reads fields_json.
        CREATE TABLE records (
            id TEXT PRIMARY KEY, base_id TEXT NOT NULL, table_id TEXT NOT NULL, created_time INTEGER NOT NULL,
            deleted INTEGER NOT NULL, content_hash INTEGER NOT NULL, first_seen_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER,
            revisions_fetched_at INTEGER, search_text TEXT NOT NULL, fields_json TEXT NOT NULL);
        CREATE INDEX ix_records_page ON records (base_id, table_id, deleted, created_time, id);
        CREATE TABLE revision_events (
            record_id TEXT NOT NULL, activity_id TEXT NOT NULL, field_id TEXT NOT NULL,
            changed_at INTEGER NOT NULL, event_json TEXT NOT NULL,
            PRIMARY KEY (record_id, activity_id, field_id)) WITHOUT ROWID;
        CREATE INDEX ix_revision_events_record_time ON revision_events (record_id, changed_at DESC);
        CREATE TABLE jobs (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL, parameters_json TEXT NOT NULL,
            progress_json TEXT NOT NULL, created_at INTEGER NOT NULL, started_at INTEGER, finished_at INTEGER, error TEXT);
        CREATE INDEX ix_jobs_created ON jobs (created_at DESC);
        CREATE INDEX ix_jobs_status ON jobs (status);
        CREATE TABLE job_failures (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
            item TEXT NOT NULL, message TEXT NOT NULL, at INTEGER NOT NULL);
        CREATE INDEX ix_job_failures_job ON job_failures (job_id, seq);
        CREATE TABLE checkpoints (
            scope TEXT NOT NULL, key TEXT NOT NULL, value_json TEXT NOT NULL, updated_at INTEGER NOT NULL,
            PRIMARY KEY (scope, key)) WITHOUT ROWID;
        """,
        // 2: record comments, and an index for the revision sync's "what changed since last fetch" scan.
        """
        CREATE TABLE record_comments (
            record_id TEXT NOT NULL, comment_id TEXT NOT NULL, author_id TEXT, author_name TEXT,
            text TEXT NOT NULL, created_at INTEGER NOT NULL,
            PRIMARY KEY (record_id, comment_id)) WITHOUT ROWID;
        CREATE INDEX ix_records_revisions_due ON records (base_id, table_id, updated_at) WHERE deleted = 0;
        """,
        // 3: app sign-in: local users and API keys (hashes only).
        """
        CREATE TABLE users (
            id TEXT PRIMARY KEY, user_name TEXT NOT NULL, normalized_user_name TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL, role TEXT NOT NULL, password_hash TEXT NOT NULL,
            failed_sign_ins INTEGER NOT NULL, locked_until INTEGER, disabled INTEGER NOT NULL,
            created_at INTEGER NOT NULL, last_sign_in_at INTEGER);
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, prefix TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,
            scope TEXT NOT NULL, created_by TEXT NOT NULL, created_at INTEGER NOT NULL,
            last_used_at INTEGER, revoked_at INTEGER);
        """,
        // 4: who started a job, and what it did per table and step (NULL in rows from before: unknown, none).
        """
        ALTER TABLE jobs ADD COLUMN trigger TEXT;
        ALTER TABLE jobs ADD COLUMN requested_by TEXT;
        ALTER TABLE jobs ADD COLUMN tables_json TEXT;
        ALTER TABLE jobs ADD COLUMN log_json TEXT;
        """,
        // 5: each person's display choices (dark mode), by the key of their sign-in.
        """
        CREATE TABLE user_preferences (
            user_key TEXT PRIMARY KEY, preferences_json TEXT NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID;
        """,
        // 6: each person's columns of each table's grid (order, hidden), by the key of their sign-in.
        """
        CREATE TABLE grid_layouts (
            user_key TEXT NOT NULL, base_id TEXT NOT NULL, table_id TEXT NOT NULL,
            layout_json TEXT NOT NULL, updated_at INTEGER NOT NULL,
            PRIMARY KEY (user_key, base_id, table_id)) WITHOUT ROWID;
        """,
        // 7: revision events queryable across records (the activity feed, analytics): who, where, what kind, and
        // the values' search text, lower-cased like records' (SqliteMigrator registers lower_invariant).
        """
        ALTER TABLE revision_events ADD COLUMN base_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE revision_events ADD COLUMN table_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE revision_events ADD COLUMN actor_id TEXT;
        ALTER TABLE revision_events ADD COLUMN kind TEXT NOT NULL DEFAULT 'Field';
        ALTER TABLE revision_events ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
        UPDATE revision_events SET
            base_id = coalesce(json_extract(event_json, '$.baseId'), ''),
            table_id = coalesce(json_extract(event_json, '$.tableId'), ''),
            actor_id = json_extract(event_json, '$.actorId'),
            kind = coalesce(json_extract(event_json, '$.kind'), 'Field'),
            search_text = lower_invariant(
                coalesce(json_extract(event_json, '$.fieldName'), '') || char(10)
                || coalesce((SELECT group_concat(value, char(10)) FROM json_each(event_json, '$.oldValues')), '') || char(10)
                || coalesce((SELECT group_concat(value, char(10)) FROM json_each(event_json, '$.newValues')), ''));
        CREATE INDEX ix_revision_events_base_feed ON revision_events (base_id, changed_at DESC, record_id DESC, activity_id DESC, field_id DESC);
        CREATE INDEX ix_revision_events_table_feed ON revision_events (table_id, changed_at DESC, record_id DESC, activity_id DESC, field_id DESC);
        CREATE INDEX ix_revision_events_table_field ON revision_events (table_id, field_id, record_id, changed_at);
        """,
        // 8: analytics (AirtableSync.Analytics) stream one field's changes and one table's records side by side in record
        // id order, one record at a time. The values get columns of their own (JSON arrays, as in event_json) so that
        // reading a million changes does not parse each event's JSON with its raw markup; the index walks a table's
        // records in id order like ix_revision_events_table_field walks its events.
        """
        ALTER TABLE revision_events ADD COLUMN old_values TEXT;
        ALTER TABLE revision_events ADD COLUMN new_values TEXT;
        UPDATE revision_events SET old_values = json_extract(event_json, '$.oldValues'), new_values = json_extract(event_json, '$.newValues');
        CREATE INDEX ix_records_table_id ON records (base_id, table_id, id);
        """,
        // 9: the records grid's search as an index. An FTS5 trigram index over search_text (already lower-cased invariant,
        // so the index is case-sensitive and never folds differently from .NET): a quoted phrase matches exactly the rows
        // instr(search_text, needle) finds (SqliteRecordSearch). Contentless (content=''), since records holds the text, with
        // contentless_delete so a row can be replaced; its rowid is the records row's. records has no INTEGER PRIMARY KEY,
        // so a VACUUM could renumber rowids: the store never vacuums, and a VACUUM would need this index rebuilt.
        // Triggers keep it in step with every write of records, tombstones included (IncludeDeleted searches them too).
        """
        CREATE VIRTUAL TABLE records_search USING fts5(
            search_text, content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1');
        INSERT INTO records_search (rowid, search_text) SELECT rowid, search_text FROM records;
        CREATE TRIGGER records_search_insert AFTER INSERT ON records BEGIN
            INSERT INTO records_search (rowid, search_text) VALUES (new.rowid, new.search_text);
        END;
        CREATE TRIGGER records_search_update AFTER UPDATE OF search_text ON records
            WHEN old.search_text IS NOT new.search_text BEGIN
            DELETE FROM records_search WHERE rowid = old.rowid;
            INSERT INTO records_search (rowid, search_text) VALUES (new.rowid, new.search_text);
        END;
        CREATE TRIGGER records_search_delete AFTER DELETE ON records BEGIN
            DELETE FROM records_search WHERE rowid = old.rowid;
        END;
        """,
        // 10: analytics' materialized timelines (AirtableSync.Analytics.FieldTimelines). field_visits holds, per table and
        // field, the records' timelines of the field a few hundred records per row (VisitChunk, keyed by the row's first
        // record id), so a report reads a few small rows instead of rebuilding every timeline from events;
        // field_visit_keys numbers the values the timelines hold. analytics_dirty is the work
        // list: triggers put a record there whenever its cells, its deletion or any of its events change, but only for
        // tables with a timeline (field_visit_state), so tables nobody analyses pay one lookup per write and nothing else.
        // seq is AUTOINCREMENT so it never goes back: a state's processed_seq says which entries it has applied.
        """
        CREATE TABLE field_visit_state (
            table_id TEXT NOT NULL, field_id TEXT NOT NULL, processed_seq INTEGER NOT NULL, complete INTEGER NOT NULL,
            built_at INTEGER NOT NULL, PRIMARY KEY (table_id, field_id)) WITHOUT ROWID;
        CREATE TABLE field_visit_keys (
            table_id TEXT NOT NULL, field_id TEXT NOT NULL, key_id INTEGER NOT NULL, key TEXT NOT NULL,
            PRIMARY KEY (table_id, field_id, key_id)) WITHOUT ROWID;
        CREATE TABLE field_visits (
            table_id TEXT NOT NULL, field_id TEXT NOT NULL, first_record_id TEXT NOT NULL, data BLOB NOT NULL,
            PRIMARY KEY (table_id, field_id, first_record_id)) WITHOUT ROWID;
        CREATE TABLE analytics_dirty (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, table_id TEXT NOT NULL, record_id TEXT NOT NULL, UNIQUE (table_id, record_id));
        CREATE INDEX ix_analytics_dirty_table_seq ON analytics_dirty (table_id, seq);
        CREATE TRIGGER analytics_dirty_event_insert AFTER INSERT ON revision_events
            WHEN EXISTS (SELECT 1 FROM field_visit_state WHERE table_id = new.table_id) BEGIN
            INSERT OR REPLACE INTO analytics_dirty (table_id, record_id) VALUES (new.table_id, new.record_id);
        END;
        CREATE TRIGGER analytics_dirty_event_update AFTER UPDATE ON revision_events
            WHEN EXISTS (SELECT 1 FROM field_visit_state WHERE table_id IN (old.table_id, new.table_id)) BEGIN
            INSERT OR REPLACE INTO analytics_dirty (table_id, record_id) SELECT old.table_id, old.record_id WHERE old.table_id IS NOT NULL;
            INSERT OR REPLACE INTO analytics_dirty (table_id, record_id) SELECT new.table_id, new.record_id WHERE new.table_id IS NOT NULL;
        END;
        CREATE TRIGGER analytics_dirty_event_delete AFTER DELETE ON revision_events
            WHEN EXISTS (SELECT 1 FROM field_visit_state WHERE table_id = old.table_id) BEGIN
            INSERT OR REPLACE INTO analytics_dirty (table_id, record_id) VALUES (old.table_id, old.record_id);
        END;
        CREATE TRIGGER analytics_dirty_record_insert AFTER INSERT ON records
            WHEN EXISTS (SELECT 1 FROM field_visit_state WHERE table_id = new.table_id) BEGIN
            INSERT OR REPLACE INTO analytics_dirty (table_id, record_id) VALUES (new.table_id, new.id);
        END;
        CREATE TRIGGER analytics_dirty_record_update AFTER UPDATE ON records
            WHEN EXISTS (SELECT 1 FROM field_visit_state WHERE table_id = new.table_id)
                AND (old.fields_json IS NOT new.fields_json OR old.deleted_at IS NOT new.deleted_at
                    OR old.created_time IS NOT new.created_time OR old.table_id IS NOT new.table_id) BEGIN
            INSERT OR REPLACE INTO analytics_dirty (table_id, record_id) VALUES (new.table_id, new.id);
        END;
        CREATE TRIGGER analytics_dirty_record_delete AFTER DELETE ON records
            WHEN EXISTS (SELECT 1 FROM field_visit_state WHERE table_id = old.table_id) BEGIN
            INSERT OR REPLACE INTO analytics_dirty (table_id, record_id) VALUES (old.table_id, old.id);
        END;
        """,
        // 11: searches of 1–2 characters through the trigram index too. Each text is indexed with two newlines after it,
        // so every character of it starts a trigram; a trimmed needle of 1–2 characters never holds a newline, so it
        // occurs in a text exactly when one of the index's terms starts with it, and records_search_terms (fts5vocab)
        // lists those terms by range (SqliteRecordSearch). A longer needle cannot end in a newline either, so the padding
        // adds no match to it. The index is rebuilt from records (15 s for the analytics benchmark's 550,000 short records).
        """
        DROP TRIGGER records_search_insert;
        DROP TRIGGER records_search_update;
        DROP TRIGGER records_search_delete;
        DROP TABLE records_search;
        CREATE VIRTUAL TABLE records_search USING fts5(
            search_text, content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1');
        INSERT INTO records_search (rowid, search_text) SELECT rowid, search_text || char(10, 10) FROM records;
        CREATE TRIGGER records_search_insert AFTER INSERT ON records BEGIN
            INSERT INTO records_search (rowid, search_text) VALUES (new.rowid, new.search_text || char(10, 10));
        END;
        CREATE TRIGGER records_search_update AFTER UPDATE OF search_text ON records
            WHEN old.search_text IS NOT new.search_text BEGIN
            DELETE FROM records_search WHERE rowid = old.rowid;
            INSERT INTO records_search (rowid, search_text) VALUES (new.rowid, new.search_text || char(10, 10));
        END;
        CREATE TRIGGER records_search_delete AFTER DELETE ON records BEGIN
            DELETE FROM records_search WHERE rowid = old.rowid;
        END;
        CREATE VIRTUAL TABLE records_search_terms USING fts5vocab(records_search, 'row');
        """,
    ];
}
