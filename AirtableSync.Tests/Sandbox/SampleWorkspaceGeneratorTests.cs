using System.Diagnostics;
using System.Text.Json;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;

namespace AirtableSync.Tests.Sandbox;

public class SampleWorkspaceGeneratorTests
{
    /// <summary>Every type of docs/airtable/public-api.md §2.3 except manualSort, which is undocumented.</summary>
    private static readonly string[] DocumentedTypes =
    [
        "singleLineText", "multilineText", "richText", "email", "url", "phoneNumber", "number", "currency", "percent",
        "duration", "rating", "checkbox", "date", "dateTime", "singleSelect", "multipleSelects", "singleCollaborator",
        "multipleCollaborators", "createdBy", "lastModifiedBy", "multipleRecordLinks", "multipleAttachments", "autoNumber",
        "barcode", "button", "count", "createdTime", "lastModifiedTime", "formula", "rollup", "multipleLookupValues",
        "externalSyncSource", "aiText",
    ];

    [Fact]
    public void TheSameSeedGivesTheSameWorkspaceAndAnotherSeedDoesNot()
    {
        Assert.Equal(Dump(42), Dump(42));
        Assert.NotEqual(Dump(42), Dump(43));
    }

    [Fact]
    public void TheSampleCoversEveryDocumentedFieldTypeWithValuesAndOneUnknownType()
    {
        var workspace = Sample(42);
        var fields = workspace.GetBases().SelectMany(b => workspace.GetTables(b.Id).SelectMany(t => t.Fields.Select(f => (Base: b, Table: t, Field: f)))).ToList();
        var unknown = fields.Where(f => !DocumentedTypes.Contains(f.Field.Type)).Select(f => f.Field.Type).Distinct();
        Assert.Equal(["fancyNewType"], unknown);
        foreach (var type in DocumentedTypes.Where(t => t is not ("createdTime" or "lastModifiedTime")))
        {
            Assert.True(
                fields.Where(f => f.Field.Type == type).Any(f => workspace.GetRecords(f.Base.Id, f.Table.Id).Any(r => r.Cells.ContainsKey(f.Field.Id))),
                $"no record holds a {type} value");
        }
    }

    [Fact]
    public void TheSampleHoldsFormulaErrorAndNaNObjectsAndAFewHundredRecords()
    {
        var workspace = Sample(42);
        var records = workspace.GetBases().SelectMany(b => workspace.GetTables(b.Id).SelectMany(t => workspace.GetRecords(b.Id, t.Id))).ToList();
        Assert.InRange(records.Count, 300, 1000);
        var cells = records.SelectMany(r => r.Cells.Values).Select(c => c.ToJsonString()).ToList();
        Assert.Contains("""{"error":"#ERROR!"}""", cells);
        Assert.Contains("""{"specialValue":"NaN"}""", cells);
        Assert.All(records, r => Assert.All(r.Cells.Values, c => Assert.False(FakeCells.IsEmpty(c))));
        Assert.All(records, r => Assert.Matches("^rec[A-Za-z0-9]{14}$", r.Id));
    }

    [Fact]
    public void LinkedRecordCellsPointAtRecordsOfTheLinkedTable()
    {
        var workspace = Sample(7);
        foreach (var b in workspace.GetBases())
        {
            foreach (var table in workspace.GetTables(b.Id))
            {
                foreach (var link in table.Fields.Where(f => f.Type == "multipleRecordLinks"))
                {
                    var target = link.Options?["linkedTableId"]?.GetValue<string>() ?? "";
                    var targetIds = workspace.GetRecords(b.Id, target).Select(r => r.Id).ToHashSet();
                    var linked = workspace.GetRecords(b.Id, table.Id).SelectMany(r => r.Cells.TryGetValue(link.Id, out var c) ? c.AsArray().Select(x => x?.GetValue<string>()) : []);
                    Assert.All(linked, id => Assert.Contains(id ?? "", targetIds));
                }
            }
        }
    }

    [Fact]
    public void AHundredThousandSyntheticRecordsAreGenerated()
    {
        var workspace = new FakeWorkspace(TimeProvider.System, 1);
        var stopwatch = Stopwatch.StartNew();
        var bases = SampleWorkspaceGenerator.AddSyntheticWorkspace(workspace, new SyntheticWorkspaceSpec(2, 5, 10_000, FieldsPerTable: 10));
        stopwatch.Stop();
        Assert.Equal(100_000, bases.Sum(b => workspace.GetTables(b.Id).Sum(t => workspace.GetRecords(b.Id, t.Id).Count)));
        // Speed is the sync benchmark's to report (README), not a bound here: a real-time bound fails on a busy machine.
        Xunit.TestContext.Current.SendDiagnosticMessage($"100,000 synthetic records with 10 fields in {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task SeedingTheSandboxRegistersTheSandboxTokenForTheSandboxUser()
    {
        await using var seeded = await FakeAirtableServer.StartAsync(new FakeAirtableOptions(), cancellationToken: Xunit.TestContext.Current.CancellationToken);
        var token = seeded.State.Tokens.Find(FakeSandboxSeeder.SandboxToken);
        Assert.NotNull(token);
        Assert.Equal(seeded.State.Users.FindByEmail(FakeUserDirectory.SandboxEmail)?.Id, token.UserId);
        Assert.Equal(["Product Roadmap", "Customer Support", "Marketing Calendar"], seeded.State.Workspace.GetBases().Select(b => b.Name));

        await using var empty = await FakeAirtableServer.StartAsync(new FakeAirtableOptions { SeedSampleWorkspace = false }, cancellationToken: Xunit.TestContext.Current.CancellationToken);
        Assert.Null(empty.State.Tokens.Find(FakeSandboxSeeder.SandboxToken));
        Assert.Empty(empty.State.Workspace.GetBases());
    }

    private static FakeWorkspace Sample(int seed)
    {
        var workspace = new FakeWorkspace(TimeProvider.System, seed);
        SampleWorkspaceGenerator.AddSampleWorkspace(workspace, new FakeUserDirectory(), seed);
        return workspace;
    }

    private static string Dump(int seed)
    {
        var workspace = Sample(seed);
        var dump = workspace.GetBases().Select(b => new
        {
            b.Id,
            b.Name,
            b.PermissionLevel,
            Tables = workspace.GetTables(b.Id).Select(t => new
            {
                t.Id,
                t.Name,
                Fields = t.Fields.Select(f => new { f.Id, f.Name, f.Type, Options = f.Options?.ToJsonString() }),
                Views = t.Views,
                Records = workspace.GetRecords(b.Id, t.Id).Select(r => new { r.Id, r.CreatedTime, r.LastModifiedTime, Cells = r.Cells.ToDictionary(c => c.Key, c => c.Value.ToJsonString()) }),
            }),
        });
        return JsonSerializer.Serialize(dump);
    }
}
