using AirtableSync.Storage;

namespace AirtableSync.Tests.Storage;

public abstract partial class SyncStoreContract
{
    [Fact]
    public async Task UpsertingTheSameBatchTwiceLeavesIdenticalState()
    {
        RecordData[] batch = [Rec("rec1", 1, """{"fldA":"one"}"""), Rec("rec2", 2, """{"fldA":"two","fldB":[1,2]}""")];

        var first = await UpsertAsync(T0, batch);
        var before = await Store.GetRecordsByIdsAsync(["rec1", "rec2"], Token);
        var second = await UpsertAsync(T0.AddHours(1), batch);
        var after = await Store.GetRecordsByIdsAsync(["rec1", "rec2"], Token);

        Assert.Equal(new UpsertOutcome(2, 0, 0), first);
        Assert.Equal(new UpsertOutcome(0, 0, 2), second);
        Assert.Equal(before.Select(r => r with { LastSeenAt = default }), after.Select(r => r with { LastSeenAt = default }));
        Assert.All(after, r => Assert.Equal(T0.AddHours(1), r.LastSeenAt));
        Assert.Equal(2, (await QueryAsync()).TotalCount);
    }

    [Fact]
    public async Task ChangedRecordMovesUpdatedAtWhileUnchangedRecordKeepsIt()
    {
        await UpsertAsync(T0, Rec("rec1", 1, """{"fldA":"one"}"""), Rec("rec2", 2, """{"fldA":"two"}"""));

        var outcome = await UpsertAsync(T0.AddHours(1), Rec("rec1", 1, """{"fldA":"one"}"""), Rec("rec2", 2, """{"fldA":"TWO"}"""));

        Assert.Equal(new UpsertOutcome(0, 1, 1), outcome);
        var unchanged = await GetAsync("rec1");
        var changed = await GetAsync("rec2");
        Assert.Equal(T0, unchanged.UpdatedAt);
        Assert.Equal(T0.AddHours(1), changed.UpdatedAt);
        Assert.Equal(T0, changed.FirstSeenAt);
        Assert.Equal("""{"fldA":"TWO"}""", changed.FieldsJson);
    }

    [Fact]
    public async Task RecordsMissingFromACompletedFullScanBecomeTombstonesAndComeBackWhenSeenAgain()
    {
        await UpsertAsync(T0, Rec("rec1", 1, """{"fldA":"one"}"""), Rec("rec2", 2, """{"fldA":"two"}"""));
        var scanStart = T0.AddHours(1);
        await UpsertAsync(scanStart, Rec("rec1", 1, """{"fldA":"one"}"""));

        var tombstoned = await Store.TombstoneRecordsNotSeenSinceAsync("appBase", "tblTable", scanStart, scanStart.AddMinutes(5), Token);

        Assert.Equal(1, tombstoned);
        var gone = await GetAsync("rec2");
        Assert.True(gone.IsDeleted);
        Assert.Equal(scanStart.AddMinutes(5), gone.DeletedAt);
        Assert.Equal("""{"fldA":"two"}""", gone.FieldsJson);
        Assert.Equal(["rec1"], Ids(await QueryAsync()));
        Assert.Equal(["rec1", "rec2"], Ids(await QueryAsync(includeDeleted: true)));
        Assert.Equal(0, await Store.TombstoneRecordsNotSeenSinceAsync("appBase", "tblTable", scanStart, scanStart.AddMinutes(6), Token));

        var revived = await UpsertAsync(T0.AddHours(2), Rec("rec2", 2, """{"fldA":"two"}"""));

        Assert.Equal(new UpsertOutcome(0, 1, 0), revived);
        var back = await GetAsync("rec2");
        Assert.False(back.IsDeleted);
        Assert.Null(back.DeletedAt);
        Assert.Equal(["rec1", "rec2"], Ids(await QueryAsync()));
    }

    [Fact]
    public async Task TombstoningTouchesOnlyTheGivenTable()
    {
        await UpsertAsync(T0, Rec("rec1", 1, "{}"));
        await Store.UpsertRecordsAsync("appBase", "tblOther", [Rec("rec9", 1, "{}")], T0, Token);

        await Store.TombstoneRecordsNotSeenSinceAsync("appBase", "tblTable", T0.AddHours(1), T0.AddHours(1), Token);

        Assert.True((await GetAsync("rec1")).IsDeleted);
        Assert.False((await GetAsync("rec9")).IsDeleted);
    }

    [Fact]
    public async Task OddAndUnknownCellValuesRoundTripByteForByte()
    {
        string[] payloads =
        [
            """{"fldFormula":{"error":"#ERROR!"},"fldNumber":{"specialValue":"NaN"}}""",
            """{ "fldFuture" : {"type":"someNewType","value":[1.50,2e3,-0.0,{"nested":null}]} , "fldText":"tab\there \u00e9 \"quoted\" é 😀"}""",
            """{"fldBig":123456789012345678901234567890,"fldEmpty":"","fldBool":true}""",
            "{}",
        ];
        var records = payloads.Select((json, i) => Rec($"rec{i}", i, json)).ToArray();

        await UpsertAsync(T0, records);

        foreach (var record in records)
        {
            Assert.Equal(record.FieldsJson, (await GetAsync(record.Id)).FieldsJson);
        }
        Assert.Equal(payloads, (await QueryAsync()).Items.Select(r => r.FieldsJson));
    }

    [Fact]
    public async Task UpsertRejectsInvalidJsonAndWritesNothingFromThatPage()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => UpsertAsync(T0, Rec("recGood", 1, """{"fldA":"x"}"""), Rec("recBad", 2, """{"fldA":""")));
        await Assert.ThrowsAsync<ArgumentException>(() => UpsertAsync(T0, Rec("recArray", 1, "[1,2]")));
        await Assert.ThrowsAsync<ArgumentException>(() => UpsertAsync(T0, Rec("recDup", 1, "{}"), Rec("recDup", 2, "{}")));

        Assert.Contains("recBad", error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetRecordAsync("recGood", Token));
        Assert.Equal(0, (await QueryAsync()).TotalCount);
    }

    [Fact]
    public async Task RecordsNeedRevisionsUntilFetchedAndAgainAfterTheyChange()
    {
        await UpsertAsync(T0, Rec("rec1", 1, """{"fldA":"one"}"""), Rec("rec2", 2, """{"fldA":"two"}"""));
        Assert.Equal(["rec1", "rec2"], (await Store.ListRecordsNeedingRevisionsAsync("appBase", "tblTable", 10, Token)).Select(r => r.Id));

        await Store.MarkRevisionsFetchedAsync("rec1", T0.AddMinutes(10), Token);
        await Store.MarkRevisionsFetchedAsync("rec2", T0.AddMinutes(10), Token);
        Assert.Empty(await Store.ListRecordsNeedingRevisionsAsync("appBase", "tblTable", 10, Token));
        Assert.Equal(T0.AddMinutes(10), (await GetAsync("rec1")).RevisionsFetchedAt);

        await UpsertAsync(T0.AddHours(1), Rec("rec1", 1, """{"fldA":"one"}"""), Rec("rec2", 2, """{"fldA":"changed"}"""));
        Assert.Equal(["rec2"], (await Store.ListRecordsNeedingRevisionsAsync("appBase", "tblTable", 10, Token)).Select(r => r.Id));
    }

    [Fact]
    public async Task ParallelUpsertsOfDifferentRecordsLoseNoUpdate()
    {
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var page = 0; page < 5; page++)
            {
                var records = Enumerable.Range(0, 20).Select(i => Rec($"rec{w}_{page}_{i}", i, $$"""{"fldW":"{{w}}"}""")).ToArray();
                await Store.UpsertRecordsAsync("appBase", "tblTable", records, T0, Token);
            }
        }, Token));

        await Task.WhenAll(writers);

        Assert.Equal(8 * 5 * 20, (await QueryAsync()).TotalCount);
        Assert.Equal(8 * 5 * 20, (await Store.GetStatisticsAsync(Token)).Records);
    }

    [Fact]
    public async Task GetRecordsByIdsReturnsOnlyTheKnownRecords()
    {
        await UpsertAsync(T0, Rec("rec1", 1, "{}"), Rec("rec2", 2, "{}"), Rec("rec3", 3, "{}"));

        var found = await Store.GetRecordsByIdsAsync(["rec3", "recMissing", "rec1"], Token);

        Assert.Equal(["rec1", "rec3"], found.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(found, r => Assert.Equal(("appBase", "tblTable"), (r.BaseId, r.TableId)));
    }
}
