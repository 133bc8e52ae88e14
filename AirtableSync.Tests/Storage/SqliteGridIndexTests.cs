using AirtableSync.Storage;
using AirtableSync.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AirtableSync.Tests.Storage;

/// <summary>
/// The grid's indexes (migration 8's trigram search, the sort indexes made on first use) must answer exactly what the
/// scans they replace answered: search is checked against instr over the same file, the sort against the order the
/// rules give, after inserts, updates and tombstones.
/// </summary>
public sealed class SqliteGridIndexTests(TemporaryDirectory directory) : IClassFixture<TemporaryDirectory>
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Seen = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(directory.Path, $"{Guid.NewGuid():N}.db");

    private static readonly string[] Texts =
    [
        "Straße in München", "ÄRGER über Öl", "İstanbul trip", "Ω omega ΣΊΣΥΦΟΣ", "emoji 🎉 party", "日本語のテキスト",
        "say \"hi\" now", "quote's end", "abc", "ab", "x", "tab\there", "Row 12 v1", "row 120 v0", "ROW 1", "",
    ];

    private static readonly string[] Needles =
    [
        "a", "ab", "abc", "ABC", "b", "ß", "straße", "STRASSE", "mün", "MÜNCHEN", "ärger", "öl", "öl ", "i̇stanbul", "istanbul",
        "σίσυφος", "ΣΊΣ", "🎉", "🎉 p", "日本", "日本語", "\"hi\"", "\"", "'s", "row 12", "row 1", "v1", "w 1", "\t", "here",
        "nothing", "Row 12 v1", "row 120", "ow 12",
    ];

    private async Task<SqliteSyncStore> StoreWithTextsAsync()
    {
        var store = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance);
        await store.InitializeAsync(Token);
        var records = Texts.Select((text, i) => Record(i, text, i)).ToList();
        await store.UpsertRecordsAsync("appGrid", "tblGrid", records, Seen, Token);
        return store;
    }

    private static RecordData Record(int i, string text, int number) =>
        new($"rec{i:D14}", DateTimeOffset.UnixEpoch.AddSeconds(i),
            text.Length == 0 ? $$"""{"fldNumber":{{number}}}""" : $$"""{"fldName":{{System.Text.Json.JsonSerializer.Serialize(text)}},"fldNumber":{{number}}}""");

    private async Task<List<string>> InstrIdsAsync(string needle, bool includeDeleted = false)
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM records WHERE base_id = 'appGrid' AND table_id = 'tblGrid' AND instr(search_text, $n) > 0"
            + (includeDeleted ? "" : " AND deleted = 0") + " ORDER BY created_time, id";
        command.Parameters.AddWithValue("$n", needle.Trim().ToLowerInvariant());
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static async Task<List<string>> SearchIdsAsync(SqliteSyncStore store, string needle, bool includeDeleted = false)
    {
        var page = await store.QueryRecordsAsync(new RecordQuery("appGrid", "tblGrid", Take: 1000, Search: needle, IncludeDeleted: includeDeleted), Token);
        Assert.Equal(page.Items.Count, page.TotalCount);
        return [.. page.Items.Select(r => r.Id)];
    }

    [Fact]
    public async Task IndexedSearchFindsTheSameRecordsAsInstrForEveryNeedleLengthAndScript()
    {
        using var store = await StoreWithTextsAsync();

        foreach (var needle in Needles)
        {
            var expected = await InstrIdsAsync(needle);
            Assert.True(expected.SequenceEqual(await SearchIdsAsync(store, needle)), $"search '{needle}'");
        }
        // The needles above do reach both paths and find something on each.
        Assert.NotEmpty(await InstrIdsAsync("ab"));
        Assert.NotEmpty(await InstrIdsAsync("mün"));
        Assert.False(SqliteRecordSearch.IsPhrase("ab"));
        Assert.False(SqliteRecordSearch.IsPhrase("🎉"));
        Assert.True(SqliteRecordSearch.IsPhrase("🎉 p"));
    }

    [Fact]
    public async Task SearchIndexFollowsChangedCellsTombstonesAndRevivals()
    {
        using var store = await StoreWithTextsAsync();
        await store.UpsertRecordsAsync("appGrid", "tblGrid", [Record(0, "Kaffeebohne", 0)], Seen.AddMinutes(1), Token);

        Assert.Empty(await SearchIdsAsync(store, "straße"));
        Assert.Equal(["rec00000000000000"], await SearchIdsAsync(store, "kaffee"));

        // A full scan that saw every record but rec0 tombstones it: hidden, unless tombstones are asked for.
        await store.UpsertRecordsAsync("appGrid", "tblGrid", [.. Texts.Select((text, i) => Record(i, text, i)).Skip(1)], Seen.AddMinutes(2), Token);
        await store.TombstoneRecordsNotSeenSinceAsync("appGrid", "tblGrid", Seen.AddMinutes(2), Seen.AddMinutes(3), Token);
        Assert.Empty(await SearchIdsAsync(store, "kaffee"));
        Assert.Equal(["rec00000000000000"], await SearchIdsAsync(store, "kaffee", includeDeleted: true));

        await store.UpsertRecordsAsync("appGrid", "tblGrid", [Record(0, "Teeblatt", 0)], Seen.AddMinutes(4), Token);
        Assert.Empty(await SearchIdsAsync(store, "kaffee", includeDeleted: true));
        Assert.Equal(["rec00000000000000"], await SearchIdsAsync(store, "teeblatt"));
        foreach (var needle in Needles)
        {
            Assert.True((await InstrIdsAsync(needle, includeDeleted: true)).SequenceEqual(await SearchIdsAsync(store, needle, includeDeleted: true)), $"search '{needle}'");
        }
    }

    [Fact]
    public async Task EverySearchPathGivesTheSameWindowsInTheSameOrderWithTheSameCounts()
    {
        // The texts plus filler, some tombstoned, numbers with ties: every needle, order and window, on both paths.
        using (var writer = await StoreWithTextsAsync())
        {
            var filler = Enumerable.Range(Texts.Length, 200).Select(i => Record(i, i % 3 == 0 ? $"row {i} v{i % 4}" : $"ab filler {i}", i % 7)).ToList();
            await writer.UpsertRecordsAsync("appGrid", "tblGrid", filler, Seen, Token);
            await writer.UpsertRecordsAsync("appGrid", "tblGrid", [.. filler.Where((_, i) => i % 5 != 0)], Seen.AddMinutes(1), Token);
            await writer.TombstoneRecordsNotSeenSinceAsync("appGrid", "tblGrid", Seen.AddMinutes(1), Seen.AddMinutes(2), Token);
        }
        using var walk = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance) { ForcedSearchPath = SqliteSyncStore.SearchPath.Walk };
        using var matches = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance) { ForcedSearchPath = SqliteSyncStore.SearchPath.Matches };
        using var rowids = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance) { ForcedSearchPath = SqliteSyncStore.SearchPath.MatchedRowids };
        using var chosen = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance);
        foreach (var store in new[] { walk, matches, rowids, chosen })
        {
            await store.InitializeAsync(Token);
        }

        var windows = new[] { (0, 1000), (0, 7), (5, 9), (100, 50), (500, 10) };
        foreach (var needle in Needles.Concat(["filler", "row 1", "v3", "ab f"]))
        {
            foreach (var (sortField, direction) in new[] { ((string?)null, SortDirection.Ascending), (null, SortDirection.Descending), ("fldNumber", SortDirection.Ascending), ("fldNumber", SortDirection.Descending) })
            {
                foreach (var includeDeleted in new[] { false, true })
                {
                    foreach (var (skip, take) in windows)
                    {
                        var query = new RecordQuery("appGrid", "tblGrid", skip, take, needle, sortField, direction, includeDeleted);
                        var byWalk = await walk.QueryRecordsAsync(query, Token);
                        var what = $"'{needle}' by {sortField ?? "page"} {direction}, deleted {includeDeleted}, {skip}+{take}";
                        foreach (var other in new[] { matches, rowids, chosen })
                        {
                            var page = await other.QueryRecordsAsync(query, Token);
                            Assert.True(page.Items.Select(r => r.Id).SequenceEqual(byWalk.Items.Select(r => r.Id)), $"{what}, {other.ForcedSearchPath}");
                            Assert.Equal((page.TotalCount, page.TotalIsLowerBound), (byWalk.TotalCount, byWalk.TotalIsLowerBound));
                        }
                        if (skip == 0 && sortField is null && direction == SortDirection.Ascending)
                        {
                            var expected = await InstrIdsAsync(needle, includeDeleted);
                            Assert.Equal(expected.Count, byWalk.TotalCount);
                            Assert.True(expected.Take(take).SequenceEqual(byWalk.Items.Select(r => r.Id)), what);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public async Task NeedlesOfOneOrTwoCharactersFindInstrsRowsInEveryWindowRareOrDense()
    {
        using var store = await StoreWithTextsAsync();
        // "é" in one record of 301, "e" in most of them: one scan finds the rare, the dense stops early.
        var filler = Enumerable.Range(Texts.Length, 300).Select(i => Record(i, i == 150 ? "café" : $"entry {i}", i)).ToList();
        await store.UpsertRecordsAsync("appGrid", "tblGrid", filler, Seen, Token);

        foreach (var needle in new[] { "é", "É", "e", "en", "ry", "ß", "zz", "🎉", "1" })
        {
            var expected = await InstrIdsAsync(needle);
            Assert.False(SqliteRecordSearch.IsPhrase(needle.ToLowerInvariant()));
            foreach (var (skip, take) in new[] { (0, 1000), (0, 10), (7, 25), (expected.Count, 5), (expected.Count + 3, 5) })
            {
                var page = await store.QueryRecordsAsync(new RecordQuery("appGrid", "tblGrid", skip, take, needle), Token);
                Assert.True(expected.Skip(skip).Take(take).SequenceEqual(page.Items.Select(r => r.Id)), $"'{needle}' {skip}+{take}");
                Assert.Equal((expected.Count, false), (page.TotalCount, page.TotalIsLowerBound));
            }
        }
    }

    [Fact]
    public async Task AShortNeedlesTermsAreTheIndexedTrigramsThatStartWithItIncludingAtTheEndOfAText()
    {
        using var store = await StoreWithTextsAsync();
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync(Token);

        // Each text ends with its record's number ("ab\n9"): only the newlines after a text give its last character a
        // trigram ("9\n\n"). The texts are lower-cased.
        Assert.Equal(["9\n\n"], await SqliteRecordSearch.ShortNeedleTermsAsync(connection, "9", Token));
        Assert.Equal(["x\n1"], await SqliteRecordSearch.ShortNeedleTermsAsync(connection, "x", Token));
        Assert.Equal(["ab\t", "ab\n", "abc"], await SqliteRecordSearch.ShortNeedleTermsAsync(connection, "ab", Token));
        Assert.Equal(["🎉 p"], await SqliteRecordSearch.ShortNeedleTermsAsync(connection, "🎉", Token));
        Assert.Equal(["ße "], await SqliteRecordSearch.ShortNeedleTermsAsync(connection, "ß", Token));
        Assert.Equal(["\" n", "\"hi"], await SqliteRecordSearch.ShortNeedleTermsAsync(connection, "\"", Token));
        Assert.Empty(await SqliteRecordSearch.ShortNeedleTermsAsync(connection, "qz", Token) ?? ["too many"]);
        // The last code point has no successor: the range is open-ended and still holds only the needle's terms.
        Assert.Empty(await SqliteRecordSearch.ShortNeedleTermsAsync(connection, "\U0010FFFF", Token) ?? ["too many"]);

        // A needle no text holds finds nothing without reading a row; one found once finds exactly that record.
        Assert.Equal((0, false), await CountAsync(store, "qz"));
        Assert.Equal(["rec00000000000010"], await SearchIdsAsync(store, "x"));
    }

    [Fact]
    public async Task AShortNeedleWithMoreTermsThanTheIndexShouldMergeStillFindsInstrsRowsByWalking()
    {
        // 1,001 records, each with "a" before its own character: 1,001 terms "a?…" plus the ordinary ones.
        using var store = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance);
        await store.InitializeAsync(Token);
        var records = Enumerable.Range(0, SqliteRecordSearch.MaxShortNeedleTerms + 1)
            .Select(i => Record(i, $"{(char)('一' + i)}a{(char)('一' + i)}", i)).ToList();
        await store.UpsertRecordsAsync("appGrid", "tblGrid", records, Seen, Token);
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync(Token);
        Assert.Null(await SqliteRecordSearch.ShortNeedleTermsAsync(connection, "a", Token));
        Assert.Equal(["一\n0", "一a一"], await SqliteRecordSearch.ShortNeedleTermsAsync(connection, "一", Token));

        using var matches = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance) { ForcedSearchPath = SqliteSyncStore.SearchPath.Matches };
        await matches.InitializeAsync(Token);
        foreach (var needle in new[] { "a", "一", "a一", "丁a" })
        {
            var expected = await InstrIdsAsync(needle);
            Assert.NotEmpty(expected);
            foreach (var searcher in new[] { matches, store })
            {
                var page = await searcher.QueryRecordsAsync(new RecordQuery("appGrid", "tblGrid", Skip: 1, Take: 1000, Search: needle), Token);
                Assert.True(expected.Skip(1).SequenceEqual(page.Items.Select(r => r.Id)), needle);
                Assert.Equal((expected.Count, false), (page.TotalCount, page.TotalIsLowerBound));
            }
        }
    }

    [Fact]
    public async Task AMigratedFileFindsShortNeedlesThroughItsRebuiltIndex()
    {
        await using (var old = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            await old.OpenAsync(Token);
            await SqliteMigrator.MigrateAsync(old, targetVersion: 10, NullLogger.Instance, Token);
        }
        using (var before = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance))
        {
            // Written by version 10's triggers, without the padding; the store is not initialized, so it stays at 10.
            await using var old = new SqliteConnection($"Data Source={_path};Pooling=False");
            await old.OpenAsync(Token);
            await using var insert = old.CreateCommand();
            insert.CommandText = """
                INSERT INTO records (id, base_id, table_id, created_time, deleted, content_hash, first_seen_at, last_seen_at, updated_at, search_text, fields_json)
                VALUES ('rec1', 'appGrid', 'tblGrid', 0, 0, 1, 0, 0, 0, 'old xy', '{"fldName":"old xy"}')
                """;
            await insert.ExecuteNonQueryAsync(Token);
        }

        using var store = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance);
        await store.InitializeAsync(Token);
        using var matches = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance) { ForcedSearchPath = SqliteSyncStore.SearchPath.Matches };
        await matches.InitializeAsync(Token);
        foreach (var needle in new[] { "xy", "y", "old", "d x" })
        {
            Assert.Equal(["rec1"], await SearchIdsAsync(matches, needle));
            Assert.Equal(["rec1"], await SearchIdsAsync(store, needle));
        }
        Assert.Empty(await SearchIdsAsync(matches, "yz"));
    }

    private static async Task<(int, bool)> CountAsync(SqliteSyncStore store, string needle)
    {
        var page = await store.QueryRecordsAsync(new RecordQuery("appGrid", "tblGrid", Search: needle), Token);
        return (page.TotalCount, page.TotalIsLowerBound);
    }

    [Fact]
    public async Task FirstSortByAFieldMakesAnIndexThatLaterWindowsUseAndThatStaysInOrderAfterWrites()
    {
        using var store = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance);
        await store.InitializeAsync(Token);
        // Numbers with ties and blanks (no fldNumber), so every rule of the order shows.
        var records = Enumerable.Range(0, 60).Select(i => new RecordData($"rec{i:D14}", DateTimeOffset.UnixEpoch.AddSeconds(i % 7),
            i % 9 == 0 ? """{"fldName":"blank"}""" : $$"""{"fldNumber":{{i % 13}}}""")).ToList();
        await store.UpsertRecordsAsync("appGrid", "tblGrid", records, Seen, Token);
        Assert.Empty(await SortIndexesAsync());

        foreach (var direction in new[] { SortDirection.Ascending, SortDirection.Descending })
        {
            await AssertSortedAsync(store, records, direction);
        }
        Assert.Equal(["ix_records_sort_tblGrid_fldNumber_va", "ix_records_sort_tblGrid_fldNumber_vd"], await SortIndexesAsync());
        foreach (var direction in new[] { SortDirection.Ascending, SortDirection.Descending })
        {
            var plan = await PlanAsync(SqliteRecordOrder.For(new RecordSort("fldNumber", direction == SortDirection.Descending, RecordSortKind.Value, []), direction, "tblGrid"));
            Assert.Contains($"USING INDEX ix_records_sort_tblGrid_fldNumber_v{(direction == SortDirection.Descending ? 'd' : 'a')}", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        }

        // Changed cells, a blank turned value, a value turned blank, new records and a tombstone.
        records[0] = records[0] with { FieldsJson = """{"fldNumber":5}""" };
        records[1] = records[1] with { FieldsJson = """{"fldNumber":null}""" };
        records[2] = records[2] with { FieldsJson = """{"fldNumber":-1}""" };
        records.AddRange(Enumerable.Range(60, 5).Select(i => new RecordData($"rec{i:D14}", DateTimeOffset.UnixEpoch.AddSeconds(3), $$"""{"fldNumber":{{i % 4}}}""")));
        await store.UpsertRecordsAsync("appGrid", "tblGrid", [.. records.Where((_, i) => i != 30)], Seen.AddMinutes(1), Token);
        await store.TombstoneRecordsNotSeenSinceAsync("appGrid", "tblGrid", Seen.AddMinutes(1), Seen.AddMinutes(2), Token);
        foreach (var direction in new[] { SortDirection.Ascending, SortDirection.Descending })
        {
            await AssertSortedAsync(store, [.. records.Where((_, i) => i != 30)], direction);
        }
    }

    // RecordSort's rules for a number field, computed here: blanks last either way, then value, created time, id.
    private static async Task AssertSortedAsync(SqliteSyncStore store, IReadOnlyList<RecordData> records, SortDirection direction)
    {
        static double? Number(RecordData r) =>
            System.Text.Json.JsonDocument.Parse(r.FieldsJson).RootElement.TryGetProperty("fldNumber", out var cell) && cell.ValueKind == System.Text.Json.JsonValueKind.Number ? cell.GetDouble() : null;
        var sign = direction == SortDirection.Descending ? -1 : 1;
        var expected = records.OrderBy(r => Number(r) is null ? 1 : 0)
            .ThenBy(r => sign * (Number(r) ?? 0)).ThenBy(r => sign * r.CreatedTime.ToUnixTimeSeconds())
            .ThenBy(r => r.Id, direction == SortDirection.Descending ? Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a)) : StringComparer.Ordinal)
            .Select(r => r.Id).ToList();
        // Windows at offsets, as the grid reads them, joined up.
        var actual = new List<string>();
        for (var skip = 0; skip < records.Count; skip += 7)
        {
            var page = await store.QueryRecordsAsync(new RecordQuery("appGrid", "tblGrid", Skip: skip, Take: 7, SortFieldId: "fldNumber", SortDirection: direction), Token);
            Assert.Equal(records.Count, page.TotalCount);
            actual.AddRange(page.Items.Select(r => r.Id));
        }
        Assert.True(expected.SequenceEqual(actual), $"{direction}: expected {string.Join(' ', expected.Select(id => id[^2..]))}, got {string.Join(' ', actual.Select(id => id[^2..]))}");
    }

    private async Task<List<string>> SortIndexesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_records_sort_%' ORDER BY name";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private async Task<string> PlanAsync(SqliteRecordOrder order)
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT id FROM records WHERE {SqliteRecordOrder.TableTerm("tblGrid")} AND base_id = $base AND deleted = 0 ORDER BY {order.OrderBy} LIMIT 50 OFFSET 10";
        command.Parameters.AddWithValue("$base", "appGrid");
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            plan.Add(reader.GetString(3));
        }
        return string.Join('\n', plan);
    }

    [Fact]
    public async Task MigratingAFileOfVersionSevenIndexesItsRecordsForSearch()
    {
        await using (var old = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            await old.OpenAsync(Token);
            await SqliteMigrator.MigrateAsync(old, targetVersion: 7, NullLogger.Instance, Token);
            await using var insert = old.CreateCommand();
            insert.CommandText = """
                INSERT INTO records (id, base_id, table_id, created_time, deleted, content_hash, first_seen_at, last_seen_at, updated_at, search_text, fields_json)
                VALUES ('rec1', 'appGrid', 'tblGrid', 0, 0, 1, 0, 0, 0, 'straße in münchen', '{"fldName":"Straße in München"}'),
                       ('rec2', 'appGrid', 'tblGrid', 1, 1, 1, 0, 0, 0, 'old tombstone', '{"fldName":"Old tombstone"}')
                """;
            await insert.ExecuteNonQueryAsync(Token);
        }

        using var store = new SqliteSyncStore(_path, NullLogger<SqliteSyncStore>.Instance);
        await store.InitializeAsync(Token);

        Assert.Equal(["rec1"], await SearchIdsAsync(store, "MÜNCHEN"));
        Assert.Empty(await SearchIdsAsync(store, "tombstone"));
        Assert.Equal(["rec2"], await SearchIdsAsync(store, "tombstone", includeDeleted: true));
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync(Token);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM records_search WHERE records_search MATCH '\"münchen\"'";
        Assert.Equal(1L, await count.ExecuteScalarAsync(Token));
    }
}
