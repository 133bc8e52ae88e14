using System.Text.Json.Nodes;
using AirtableSync.Airtable;
using AirtableSync.Sandbox.PublicApi;

namespace AirtableSync.Tests.Airtable;

public class AirtableRecordScanTests
{
    [Fact]
    public async Task TenThousandRecordsArePagedWithoutDuplicatesOrGaps()
    {
        // Pacing is the subject of other tests; here the fake and the client both allow 100 req/s to keep this quick.
        await using var h = await AirtableClientHarness.StartAsync(fake => fake.RequestsPerSecondPerBase = 100);
        var (baseId, table) = h.AddTable("Big", 10_000);

        var pages = await ToListAsync(h.Client.ListRecordsAsync(baseId, table.Id, cancellationToken: TestContext.Current.CancellationToken));

        var ids = pages.SelectMany(p => p.Records).Select(r => r.Id).ToList();
        Assert.Equal(100, pages.Count);
        Assert.All(pages, p => Assert.Equal(100, p.Records.Count));
        Assert.Equal(10_000, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(h.State.Workspace.GetRecords(baseId, table.Id).Select(r => r.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.All(h.ClientRequests(), r => Assert.Equal(200, r.StatusCode));
    }

    [Fact]
    public async Task ScanRestartsAfterItsIteratorExpiresAndYieldsEveryRecordExactlyOnce()
    {
        await using var h = await AirtableClientHarness.StartAsync(fake => fake.RequestsPerSecondPerBase = 100);
        var (baseId, table) = h.AddTable("Restart", 950);
        var request = new ListRecordsRequest { Sort = [new AirtableSort(table.Fields[1].Id)] };

        var pages = new List<AirtableRecordPage>();
        await foreach (var page in h.Client.ListRecordsAsync(baseId, table.Id, request, TestContext.Current.CancellationToken))
        {
            pages.Add(page);
            if (page.PageIndex == 3)
            {
                h.State.Iterators.ExpireAll(); // as if Airtable restarted while the sync was busy storing page 4
            }
        }

        var ids = pages.SelectMany(p => p.Records).Select(r => r.Id).ToList();
        Assert.Equal(950, ids.Count);
        Assert.Equal(950, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(1, pages[^1].ScanRestarts);
        var errors = h.ClientRequests().Where(r => r.StatusCode == 422).ToList();
        Assert.Equal("LIST_RECORDS_ITERATOR_NOT_AVAILABLE", Assert.Single(errors).ErrorType);
        Assert.Equal(4 + 1 + 10, h.ClientRequests().Count); // 4 pages, the refused 5th, then all 10 again
    }

    [Fact]
    public async Task ScanGivesUpAfterTheConfiguredNumberOfIteratorRestarts()
    {
        await using var h = await AirtableClientHarness.StartAsync(
            fake => fake.RequestsPerSecondPerBase = 100,
            new Dictionary<string, string?> { ["Airtable:MaxIteratorRestarts"] = "1" });
        var (baseId, table) = h.AddTable("Expiring", 300);

        var error = await Assert.ThrowsAsync<AirtableApiException>(async () =>
        {
            await foreach (var _ in h.Client.ListRecordsAsync(baseId, table.Id, cancellationToken: TestContext.Current.CancellationToken))
            {
                h.State.Iterators.ExpireAll();
            }
        });

        Assert.Equal("LIST_RECORDS_ITERATOR_NOT_AVAILABLE", error.ErrorType);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, error.StatusCode);
    }

    [Fact]
    public async Task LongFormulaSwitchesToPostListRecordsAndReturnsWhatGetReturns()
    {
        await using var h = await AirtableClientHarness.StartAsync(fake => fake.RequestsPerSecondPerBase = 100);
        var (baseId, table) = h.AddTable("Wide", 700);
        var all = h.State.Workspace.GetRecords(baseId, table.Id);
        var wanted = all.Where((_, i) => i % 3 != 0).Take(450).Select(r => r.Id).ToList();
        var formula = "OR(" + string.Join(", ", wanted.Select(id => $"RECORD_ID() = '{id}'")) + ")";
        var request = new ListRecordsRequest { FilterByFormula = formula, TimeZone = "Europe/Paris", UserLocale = "fr", Sort = [new AirtableSort(table.Fields[1].Id, Descending: true)] };

        var viaPost = (await ToListAsync(h.Client.ListRecordsAsync(baseId, table.Id, request, TestContext.Current.CancellationToken))).SelectMany(p => p.Records).ToList();
        var viaGet = (await ToListAsync(h.Client.ListRecordsAsync(baseId, table.Id, new ListRecordsRequest { Sort = request.Sort }, TestContext.Current.CancellationToken)))
            .SelectMany(p => p.Records).Where(r => wanted.Contains(r.Id)).ToList();

        Assert.True(Uri.EscapeDataString(formula).Length > 16_000);
        Assert.Equal(450, viaPost.Count);
        Assert.Equal(viaGet, viaPost);
        var posts = h.ClientRequests().Where(r => r.Method == "POST").ToList();
        Assert.Equal(5, posts.Count);
        Assert.All(posts, p => Assert.Equal($"/v0/{baseId}/{table.Id}/listRecords", p.Path));
        Assert.All(posts, p => Assert.Equal(200, p.StatusCode));
    }

    [Fact]
    public async Task ShortRequestsStayOnGet()
    {
        await using var h = await AirtableClientHarness.StartAsync();
        var (baseId, table) = h.AddTable("Narrow", 5);

        var pages = await ToListAsync(h.Client.ListRecordsAsync(baseId, table.Id, new ListRecordsRequest { Fields = [table.Fields[0].Id], FilterByFormula = "RECORD_ID() != ''" }, TestContext.Current.CancellationToken));

        Assert.Equal(5, Assert.Single(pages).Records.Count);
        Assert.All(pages[0].Records, r => Assert.DoesNotContain(table.Fields[1].Id, r.FieldsJson, StringComparison.Ordinal));
        Assert.Equal("GET", Assert.Single(h.ClientRequests()).Method);
    }

    [Fact]
    public async Task MaxRecordsCapsTheScan()
    {
        await using var h = await AirtableClientHarness.StartAsync(fake => fake.RequestsPerSecondPerBase = 100);
        var (baseId, table) = h.AddTable("Capped", 300);

        var pages = await ToListAsync(h.Client.ListRecordsAsync(baseId, table.Id, new ListRecordsRequest { MaxRecords = 150, PageSize = 40 }, TestContext.Current.CancellationToken));

        Assert.Equal(150, pages.Sum(p => p.Records.Count));
        Assert.Equal(150, pages.SelectMany(p => p.Records).Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task CellsRoundTripByteForByteIncludingFormulaErrorsAndUnknownTypes()
    {
        await using var h = await AirtableClientHarness.StartAsync();
        var @base = h.State.Workspace.AddBase("Odd cells");
        var table = h.State.Workspace.AddTable(@base.Id, "Odd",
        [
            new FakeFieldSpec("Name", "singleLineText"),
            new FakeFieldSpec("Ratio", "formula"),
            new FakeFieldSpec("Future", "hologram3d"),
            new FakeFieldSpec("Lookup", "multipleLookupValues"),
            new FakeFieldSpec("Done", "checkbox"),
            new FakeFieldSpec("Big", "number"),
        ]);
        var f = table.Fields;
        var odd = h.State.Workspace.AddRecord(@base.Id, table.Id, new Dictionary<string, JsonNode?>
        {
            [f[0].Id] = "Zoë \"quoted\" \u2603 <tag> & \\ slash",
            [f[1].Id] = new JsonObject { ["error"] = "#ERROR!" },
            [f[2].Id] = new JsonObject { ["beam"] = new JsonArray(1.5, null, new JsonObject { ["z"] = true }), ["unicode"] = "\u00e9\u00e8" },
            [f[3].Id] = new JsonArray("recAAAAAAAAAAAAAA", 3, new JsonObject { ["specialValue"] = "NaN" }),
            [f[5].Id] = 12345678901234567890.0,
        });
        var empty = h.State.Workspace.AddRecord(@base.Id, table.Id, new Dictionary<string, JsonNode?> { [f[1].Id] = new JsonObject { ["specialValue"] = "NaN" } });

        var records = (await ToListAsync(h.Client.ListRecordsAsync(@base.Id, table.Id, cancellationToken: TestContext.Current.CancellationToken))).SelectMany(p => p.Records).ToList();
        var single = await h.Client.GetRecordAsync(@base.Id, table.Id, odd.Id, TestContext.Current.CancellationToken);

        // The exact bytes Airtable (the fake) sent, fetched again with a plain HttpClient.
        using var raw = new HttpClient { BaseAddress = h.Fake.BaseUrl };
        raw.DefaultRequestHeaders.Authorization = new("Bearer", AirtableClientHarness.Token);
        var body = await raw.GetStringAsync($"/v0/{@base.Id}/{table.Id}?returnFieldsByFieldId=true", TestContext.Current.CancellationToken);
        var oddRecord = records.Single(r => r.Id == odd.Id);
        Assert.Contains("\"fields\":" + oddRecord.FieldsJson, body, StringComparison.Ordinal);
        Assert.Contains("\"fields\":" + records.Single(r => r.Id == empty.Id).FieldsJson, body, StringComparison.Ordinal);
        Assert.Equal(oddRecord, single);
        Assert.Contains("#ERROR!", oddRecord.FieldsJson, StringComparison.Ordinal);
        // Empty cells stay absent: no invented false/""/[] for the checkbox or the empty record's other fields.
        Assert.DoesNotContain(f[4].Id, oddRecord.FieldsJson, StringComparison.Ordinal);
        Assert.Equal("{\"" + f[1].Id + "\":{\"specialValue\":\"NaN\"}}", records.Single(r => r.Id == empty.Id).FieldsJson);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }
        return list;
    }
}
