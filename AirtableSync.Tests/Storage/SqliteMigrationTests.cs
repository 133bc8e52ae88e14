using AirtableSync.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AirtableSync.Tests.Storage;

public sealed class SqliteMigrationTests(TemporaryDirectory directory) : IClassFixture<TemporaryDirectory>
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;
    private readonly string _path = Path.Combine(directory.Path, $"{Guid.NewGuid():N}.db");

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync(Token);
        return connection;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Token);
    }

    [Fact]
    public async Task VersionOneDatabaseMigratesForwardAndKeepsItsData()
    {
        await using (var old = await OpenAsync())
        {
            await SqliteMigrator.MigrateAsync(old, targetVersion: 1, NullLogger.Instance, Token);
            await ScalarAsync(old, """
                INSERT INTO records (id, base_id, table_id, created_time, deleted, content_hash, first_seen_at, last_seen_at, updated_at, search_text, fields_json)
                VALUES ('rec1', 'appBase', 'tblTable', 0, 0, 1, 0, 0, 0, 'old', '{"fld":"old"}')
                """);
            Assert.Equal(1L, await ScalarAsync(old, "PRAGMA user_version"));
        }

        using var store = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance);
        await store.InitializeAsync(Token);

        await using var migrated = await OpenAsync();
        Assert.Equal((long)SqliteMigrations.Scripts.Count, await ScalarAsync(migrated, "PRAGMA user_version"));
        // An existing file keeps its page size (only an empty file can take 16 KB pages) and works as before.
        Assert.Equal(4096L, await ScalarAsync(migrated, "PRAGMA page_size"));
        Assert.Equal("""{"fld":"old"}""", (await store.GetRecordAsync("rec1", Token))?.FieldsJson);
        await store.UpsertRecordCommentsAsync([new("rec1", "com1", null, null, "added by version 2", DateTimeOffset.UnixEpoch)], Token);
        Assert.Single(await store.GetRecordCommentsAsync("rec1", Token));
    }

    [Fact]
    public async Task AJobStoredBeforeJobsKeptTheirOriginLoadsAsUnknownWithNoCountsOrSteps()
    {
        await using (var old = await OpenAsync())
        {
            await SqliteMigrator.MigrateAsync(old, targetVersion: 3, NullLogger.Instance, Token);
            await ScalarAsync(old, """
                INSERT INTO jobs (id, kind, status, parameters_json, progress_json, created_at, started_at, finished_at, error)
                VALUES ('job1', 'FullSync', 'Succeeded', '{}', '{"phase":"records","currentItem":"Campaigns","completed":462,"total":462}', 0, 0, 1000, NULL)
                """);
        }

        using var store = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance);
        await store.InitializeAsync(Token);
        var job = await store.GetJobAsync("job1", Token);

        Assert.NotNull(job);
        Assert.Equal((JobTrigger.Unknown, null), (job.Trigger, job.RequestedBy));
        Assert.Empty(job.Tables);
        Assert.Empty(job.Log);
        Assert.Equal(462, job.Progress.Completed);
    }

    [Fact]
    public async Task EventsStoredBeforeTheFeedColumnsGetTheirBaseTableActorKindAndSearchText()
    {
        await using (var old = await OpenAsync())
        {
            await SqliteMigrator.MigrateAsync(old, targetVersion: 6, NullLogger.Instance, Token);
            await ScalarAsync(old, """
                INSERT INTO revision_events (record_id, activity_id, field_id, changed_at, event_json) VALUES
                ('rec1', 'act1', 'fldStatus', 1000, '{"recordId":"rec1","baseId":"appB","tableId":"tblT","activityId":"act1","fieldId":"fldStatus","fieldName":"Status","kind":"Status","oldValues":["Todo"],"newValues":["ÉTÉ Done"],"actorId":"usrA"}'),
                ('rec1', 'act2', 'fldNotes', 2000, '{"recordId":"rec1","baseId":"appB","tableId":"tblT","activityId":"act2","fieldId":"fldNotes"}')
                """);
        }

        using var store = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance);
        await store.InitializeAsync(Token);

        await using var migrated = await OpenAsync();
        Assert.Equal(@"appB|tblT|usrA|Status|status\ntodo\nété done", await ScalarAsync(migrated, """
            SELECT base_id || '|' || table_id || '|' || actor_id || '|' || kind || '|' || replace(search_text, char(10), '\n')
            FROM revision_events WHERE activity_id = 'act1'
            """));
        Assert.Equal(@"appB|tblT||Field|\n\n", await ScalarAsync(migrated, """
            SELECT base_id || '|' || table_id || '|' || coalesce(actor_id, '') || '|' || kind || '|' || replace(search_text, char(10), '\n')
            FROM revision_events WHERE activity_id = 'act2'
            """));
        Assert.Equal(2, (await store.GetRevisionsAsync("rec1", Token)).Count);
    }

    [Fact]
    public async Task RerunningMigrationsOnACurrentDatabaseIsANoOp()
    {
        using var store = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance);
        await store.InitializeAsync(Token);
        await using var connection = await OpenAsync();
        var schema = await ScalarAsync(connection, "SELECT group_concat(sql, ';') FROM sqlite_schema");

        var applied = await SqliteMigrator.MigrateAsync(connection, SqliteMigrations.Scripts.Count, NullLogger.Instance, Token);
        await store.InitializeAsync(Token);

        Assert.Equal(0, applied);
        Assert.Equal(schema, await ScalarAsync(connection, "SELECT group_concat(sql, ';') FROM sqlite_schema"));
        Assert.Equal((long)SqliteMigrations.Scripts.Count, await ScalarAsync(connection, "PRAGMA user_version"));
    }

    [Fact]
    public async Task DatabaseFromANewerBuildIsRefusedUntouched()
    {
        await using (var newer = await OpenAsync())
        {
            await ScalarAsync(newer, "PRAGMA user_version = 99");
        }
        using var store = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(Token));

        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
        await using var connection = await OpenAsync();
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM sqlite_schema"));
    }
}
