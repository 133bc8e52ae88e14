using System.Net;
using System.Text.Json;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;

namespace AirtableSync.Tests.Sandbox;

public class FakeMetaApiTests
{
    [Fact]
    public async Task WhoAmIReturnsTheTokensUserAndEmailOnlyWithTheEmailScope()
    {
        await using var fake = await FakeApiSession.StartAsync();
        var (status, body) = await fake.GetAsync("/v0/meta/whoami");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("usrSandboxAdmin01", body.GetProperty("id").GetString());
        Assert.Equal(FakeUserDirectory.SandboxEmail, body.GetProperty("email").GetString());
        Assert.False(body.TryGetProperty("scopes", out _));

        var plain = fake.AddToken("patNoEmailScope01.secret", "data.records:read");
        (status, body) = await fake.GetAsync("/v0/meta/whoami", plain);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task WhoAmIListsScopesForOAuthTokens()
    {
        await using var fake = await FakeApiSession.StartAsync();
        fake.State.Tokens.Add(new FakeAccessToken("oaa-token-1", FakeTokenKind.OAuthAccess, "usrAdaLovelace001", ["schema.bases:read", "data.records:read"], null));
        var (status, body) = await fake.GetAsync("/v0/meta/whoami", "oaa-token-1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["schema.bases:read", "data.records:read"], body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task ListBasesPagesWithAnOffsetAndShowsOnlyGrantedBases()
    {
        await using var fake = await FakeApiSession.StartAsync(o => o.BaseListPageSize = 2);
        var all = fake.State.Workspace.GetBases();
        Assert.Equal(3, all.Count);

        var (status, first) = await fake.GetAsync("/v0/meta/bases");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, first.GetProperty("bases").GetArrayLength());
        var offset = first.GetProperty("offset").GetString();
        var (_, second) = await fake.GetAsync("/v0/meta/bases?offset=" + Uri.EscapeDataString(offset ?? ""));
        Assert.False(second.TryGetProperty("offset", out _));
        var ids = first.GetProperty("bases").EnumerateArray().Concat(second.GetProperty("bases").EnumerateArray()).Select(b => b.GetProperty("id").GetString());
        Assert.Equal(all.Select(b => b.Id), ids);
        Assert.Equal("read", second.GetProperty("bases")[0].GetProperty("permissionLevel").GetString());

        fake.State.Workspace.GrantBases(FakeApiSession.TestToken, [all[1].Id]);
        var (_, granted) = await fake.GetAsync("/v0/meta/bases");
        Assert.Equal([all[1].Id], granted.GetProperty("bases").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task BaseSchemaListsTablesWithFieldTypesOptionsAndViews()
    {
        await using var fake = await FakeApiSession.StartAsync();
        var roadmap = fake.State.Workspace.GetBases()[0];
        var (status, body) = await fake.GetAsync($"/v0/meta/bases/{roadmap.Id}/tables");
        Assert.Equal(HttpStatusCode.OK, status);
        var tasks = body.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Tasks");
        Assert.StartsWith("tbl", tasks.GetProperty("id").GetString(), StringComparison.Ordinal);
        var fields = tasks.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(fields[0].GetProperty("id").GetString(), tasks.GetProperty("primaryFieldId").GetString());
        var statusField = fields.Single(f => f.GetProperty("name").GetString() == "Status");
        Assert.Equal("singleSelect", statusField.GetProperty("type").GetString());
        Assert.Equal(["Todo", "In progress", "In review", "Done", "Blocked"],
            statusField.GetProperty("options").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Contains(tasks.GetProperty("views").EnumerateArray(), v => v.GetProperty("type").GetString() == "kanban");
        Assert.False(tasks.GetProperty("views")[0].TryGetProperty("visibleFieldIds", out _));

        var (_, withVisible) = await fake.GetAsync($"/v0/meta/bases/{roadmap.Id}/tables?include[]=visibleFieldIds");
        Assert.Equal(JsonValueKind.Array, withVisible.GetProperty("tables")[0].GetProperty("views")[0].GetProperty("visibleFieldIds").ValueKind);
    }

    [Fact]
    public async Task BaseSchemaOfABaseNotGrantedToTheTokenIsForbidden()
    {
        await using var fake = await FakeApiSession.StartAsync();
        var bases = fake.State.Workspace.GetBases();
        fake.State.Workspace.GrantBases(FakeApiSession.TestToken, [bases[0].Id]);
        var (status, body) = await fake.GetAsync($"/v0/meta/bases/{bases[1].Id}/tables");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND", FakeApiSession.ErrorType(body));
    }
}
