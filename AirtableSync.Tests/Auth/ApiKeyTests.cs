using System.Net;
using System.Net.Http.Json;
using System.Text;
using AirtableSync.Web.Auth;

namespace AirtableSync.Tests.Auth;

public sealed class ApiKeyTests
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private static HttpRequestMessage Get(string path, string key) => new(HttpMethod.Get, path) { Headers = { Authorization = new("Bearer", key) } };

    [Fact]
    public async Task ACreatedKeyWorksAndOnlyItsHashIsStored()
    {
        await using var app = await AuthApp.StartAsync();
        var created = await app.Get<ApiKeys>().CreateAsync("nightly export", ApiKeyScope.Admin, "root", Token);
        using var client = app.NewClient();

        using var response = await client.SendAsync(Get("/api/v1/bases", created.Key), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(ApiKeys.KeyPrefix, created.Key, StringComparison.Ordinal);
        Assert.StartsWith(created.Stored.Prefix, created.Key, StringComparison.Ordinal);
        Assert.True(created.Key.Length > created.Stored.Prefix.Length + 30, "the prefix shown in lists is a small part of the key");
        var stored = Assert.Single(await app.Store.ListApiKeysAsync(Token));
        Assert.Equal(ApiKeys.Hash(created.Key), stored.KeyHash);
        Assert.Equal(app.Clock.GetUtcNow(), stored.LastUsedAt);
        foreach (var file in Directory.GetFiles(app.Factory.DataDirectory, "airtablesync.db*"))
        {
            var bytes = await ReadSharedAsync(file);
            Assert.DoesNotContain(created.Key[ApiKeys.KeyPrefix.Length..], Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AReadOnlyKeyReadsButGets403OnEveryWrite()
    {
        await using var app = await AuthApp.StartAsync();
        var reader = await app.Get<ApiKeys>().CreateAsync("dashboard", ApiKeyScope.ReadOnly, "root", Token);
        using var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", reader.Key);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/jobs", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/syncs", new { mode = "full" }, Token)).StatusCode);
        Assert.Empty(await app.Store.ListJobsAsync(10, Token));
    }

    [Fact]
    public async Task ARevokedKeyStopsWorkingOnItsVeryNextRequest()
    {
        await using var app = await AuthApp.StartAsync();
        var created = await app.Get<ApiKeys>().CreateAsync("script", ApiKeyScope.Admin, "root", Token);
        using var client = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Get("/api/v1/jobs", created.Key), Token)).StatusCode);

        Assert.True(await app.Get<ApiKeys>().RevokeAsync(created.Stored.Id, Token));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Get("/api/v1/jobs", created.Key), Token)).StatusCode);
        Assert.Equal(app.Clock.GetUtcNow(), Assert.Single(await app.Store.ListApiKeysAsync(Token)).RevokedAt);
    }

    [Fact]
    public async Task LastUseIsRecordedAtMostOnceAMinute()
    {
        await using var app = await AuthApp.StartAsync();
        var created = await app.Get<ApiKeys>().CreateAsync("poller", ApiKeyScope.ReadOnly, "root", Token);
        using var client = app.NewClient();
        var first = app.Clock.GetUtcNow();

        await client.SendAsync(Get("/api/v1/jobs", created.Key), Token);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await client.SendAsync(Get("/api/v1/jobs", created.Key), Token);
        Assert.Equal(first, Assert.Single(await app.Store.ListApiKeysAsync(Token)).LastUsedAt);

        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await client.SendAsync(Get("/api/v1/jobs", created.Key), Token);
        Assert.Equal(app.Clock.GetUtcNow(), Assert.Single(await app.Store.ListApiKeysAsync(Token)).LastUsedAt);
    }

    [Fact]
    public async Task ConfiguredKeysKeepWorkingWithAdminScope()
    {
        await using var app = await AuthApp.StartAsync();
        using var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", AuthApp.ConfiguredApiKey);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/connections", Token)).StatusCode);
        using var write = await client.PostAsJsonAsync("/api/v1/jobs/unknown/cancel", new { }, Token);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Token);
        return copy.ToArray();
    }
}
