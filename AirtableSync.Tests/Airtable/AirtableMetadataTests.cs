using Microsoft.Extensions.Configuration;
using AirtableSync.Airtable;
using AirtableSync.Sandbox.PublicApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AirtableSync.Tests.Airtable;

public class AirtableMetadataTests
{
    [Fact]
    public async Task WhoAmIReturnsTheTokensUser()
    {
        await using var h = await AirtableClientHarness.StartAsync();

        var user = await h.Client.WhoAmIAsync(TestContext.Current.CancellationToken);

        Assert.Equal("usrSandboxAdmin01", user.Id);
        Assert.Null(user.Scopes);
    }

    [Fact]
    public async Task ListBasesFollowsOffsetsOverEveryPage()
    {
        await using var h = await AirtableClientHarness.StartAsync(fake => fake.BaseListPageSize = 2);
        var created = Enumerable.Range(1, 5).Select(i => h.State.Workspace.AddBase($"Base {i}", i == 3 ? "read" : "create")).ToList();

        var bases = await h.Client.ListBasesAsync(TestContext.Current.CancellationToken);

        Assert.Equal(created.Select(b => (b.Id, b.Name, b.PermissionLevel)), bases.Select(b => (b.Id, b.Name, b.PermissionLevel)));
        Assert.Equal(3, h.ClientRequests().Count(r => r.Path == "/v0/meta/bases"));
    }

    [Fact]
    public async Task BaseSchemaKeepsFieldOptionsRawAndUnknownTypesVerbatim()
    {
        await using var h = await AirtableClientHarness.StartAsync();
        var @base = h.State.Workspace.AddBase("Schema");
        var table = h.State.Workspace.AddTable(@base.Id, "Things",
        [
            new FakeFieldSpec("Name", "singleLineText", Description: "primary"),
            new FakeFieldSpec("Size", "number", new System.Text.Json.Nodes.JsonObject { ["precision"] = 2 }),
            new FakeFieldSpec("Hologram", "hologram3d", new System.Text.Json.Nodes.JsonObject { ["depth"] = new System.Text.Json.Nodes.JsonArray(1, "two") }),
        ]);
        h.State.Workspace.AddView(@base.Id, table.Id, "Board", "kanban");

        var tables = await h.Client.GetBaseSchemaAsync(@base.Id, TestContext.Current.CancellationToken);

        var schema = Assert.Single(tables);
        Assert.Equal((table.Id, "Things", table.Fields[0].Id), (schema.Id, schema.Name, schema.PrimaryFieldId));
        Assert.Equal(["singleLineText", "number", "hologram3d"], schema.Fields.Select(f => f.Type));
        Assert.Equal("primary", schema.Fields[0].Description);
        Assert.Null(schema.Fields[0].OptionsJson);
        Assert.Equal("""{"precision":2}""", schema.Fields[1].OptionsJson);
        Assert.Equal("""{"depth":[1,"two"]}""", schema.Fields[2].OptionsJson);
        Assert.Contains(schema.Views, v => v is { Name: "Board", Type: "kanban" });
    }

    [Fact]
    public async Task StartupValidationRejectsANonPositiveRateLimit()
    {
        await using var h = await AirtableClientHarness.StartAsync();
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Airtable:RequestsPerSecondPerBase"] = "0" }).Build());
        services.AddAirtableClient();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("RequestsPerSecondPerBase", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnyTokenCallsFailAsAuthenticationFailures()
    {
        await using var h = await AirtableClientHarness.StartAsync(settings: new Dictionary<string, string?> { ["Airtable:PersonalAccessToken"] = "" });

        var error = await Assert.ThrowsAsync<AirtableAuthenticationException>(() => h.Client.WhoAmIAsync(TestContext.Current.CancellationToken));

        Assert.True(error.IsAuthenticationFailure);
        Assert.Empty(h.State.RequestLog.Entries);
    }
}
