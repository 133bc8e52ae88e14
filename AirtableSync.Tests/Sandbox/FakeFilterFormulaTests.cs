using System.Net;
using System.Text.Json.Nodes;
using AirtableSync.Sandbox.PublicApi;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Sandbox;

public class FakeFilterFormulaTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Records a (created T0), b (T0+1h), c (T0+2h); a is edited at T0+3h. Kind: a=x, b=y, c=x. Count: 1, 2, 3.
    /// </summary>
    private static async Task<(FakeApiSession Fake, string BaseId, string TableId, Dictionary<string, string> Ids, FakeTable Table)> StartAsync()
    {
        var time = new FakeTimeProvider(T0);
        var fake = await FakeApiSession.StartAsync(o => o.SeedSampleWorkspace = false, time);
        var workspace = fake.State.Workspace;
        var b = workspace.AddBase("Filters");
        var table = workspace.AddTable(b.Id, "Items", [new("Name", "singleLineText"), new("Kind", "singleSelect"), new("Count", "number"), new("Due", "dateTime")]);
        var (name, kind, count, due) = (table.Fields[0].Id, table.Fields[1].Id, table.Fields[2].Id, table.Fields[3].Id);
        var ids = new Dictionary<string, string>();
        foreach (var (label, k, n) in new[] { ("a", "x", 1), ("b", "y", 2), ("c", "x", 3) })
        {
            ids[label] = workspace.AddRecord(b.Id, table.Id, new Dictionary<string, JsonNode?>
            {
                [name] = label, [kind] = k, [count] = n, [due] = FakeCells.FormatTime(T0.AddDays(n)),
            }).Id;
            time.Advance(TimeSpan.FromHours(1));
        }
        workspace.UpdateRecord(b.Id, table.Id, ids["a"], new Dictionary<string, JsonNode?> { [count] = 10 });
        return (fake, b.Id, table.Id, ids, table);
    }

    [Theory]
    [InlineData("IS_AFTER(LAST_MODIFIED_TIME(), '2026-03-01T14:30:00.000Z')", "a")]
    [InlineData("IS_AFTER(CREATED_TIME(), '2026-03-01T12:30:00Z')", "b,c")]
    [InlineData("IS_BEFORE(CREATED_TIME(), '2026-03-01T13:30:00.000Z')", "a,b")]
    [InlineData("OR(IS_AFTER(LAST_MODIFIED_TIME(), '2026-03-01T13:30:00.000Z'), IS_AFTER(CREATED_TIME(), '2026-03-01T13:30:00.000Z'))", "a,c")]
    [InlineData("NOT(IS_AFTER(CREATED_TIME(), '2026-03-01T12:30:00.000Z'))", "a")]
    [InlineData("AND(IS_AFTER(CREATED_TIME(), '2026-03-01T12:30:00.000Z'), {Kind} = 'x')", "c")]
    [InlineData("LAST_MODIFIED_TIME() > '2026-03-01T12:00:00.000Z'", "a")]
    [InlineData("CREATED_TIME() >= DATETIME_PARSE('2026-03-01T13:00:00.000Z')", "b,c")]
    [InlineData("'2026-03-01T13:00:00.000Z' < CREATED_TIME()", "c")]
    [InlineData("{Kind} = 'x'", "a,c")]
    [InlineData("{Kind} != \"x\"", "b")]
    [InlineData("{Name} = ''", "")]
    [InlineData("{Count} >= 3", "a,c")]
    [InlineData("is_after({Due}, '2026-03-02T12:00:00.000Z')", "b,c")]
    public async Task SupportedFormulasSelectTheMatchingRecords(string formula, string expected)
    {
        var (fake, baseId, tableId, ids, _) = await StartAsync();
        await using var lifetime = fake;
        var records = await fake.ListAllAsync(baseId, tableId, "filterByFormula=" + Uri.EscapeDataString(formula));
        var labels = records.Select(r => ids.Single(i => i.Value == r.GetProperty("id").GetString()).Key);
        Assert.Equal(expected, string.Join(',', labels));
    }

    [Fact]
    public async Task FieldIdsWorkInsideBracesAndRecordIdMatchesOneRecord()
    {
        var (fake, baseId, tableId, ids, table) = await StartAsync();
        await using var lifetime = fake;
        var byId = await fake.ListAllAsync(baseId, tableId, "filterByFormula=" + Uri.EscapeDataString($"{{{table.Fields[1].Id}}} = 'y'"));
        Assert.Equal([ids["b"]], byId.Select(r => r.GetProperty("id").GetString()));
        var one = await fake.ListAllAsync(baseId, tableId, "filterByFormula=" + Uri.EscapeDataString($"RECORD_ID() = '{ids["c"]}'"));
        Assert.Equal([ids["c"]], one.Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task LastModifiedTimeIsEmptyForNeverEditedRecordsSoTheyDoNotMatch()
    {
        var (fake, baseId, tableId, ids, _) = await StartAsync();
        await using var lifetime = fake;
        var records = await fake.ListAllAsync(baseId, tableId, "filterByFormula=" + Uri.EscapeDataString("IS_AFTER(LAST_MODIFIED_TIME(), '2000-01-01T00:00:00.000Z')"));
        Assert.Equal([ids["a"]], records.Select(r => r.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("SEARCH('x', {Name})")]
    [InlineData("{Name} > 'a'")]
    [InlineData("IS_AFTER(LAST_MODIFIED_TIME(), 'yesterday')")]
    [InlineData("{Nope} = 'x'")]
    [InlineData("AND(")]
    [InlineData("1")]
    [InlineData("IS_AFTER(LAST_MODIFIED_TIME(), '2026-01-01') extra")]
    [InlineData("IS_AFTER({Kind}, '2026-01-01')")]
    public async Task UnsupportedOrBrokenFormulasAreRefused(string formula)
    {
        var (fake, baseId, tableId, _, _) = await StartAsync();
        await using var lifetime = fake;
        var (status, body) = await fake.GetAsync($"/v0/{baseId}/{tableId}?filterByFormula={Uri.EscapeDataString(formula)}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("INVALID_FILTER_BY_FORMULA", FakeApiSession.ErrorType(body));
    }
}
