using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;

namespace AirtableSync.Tests.Sandbox;

/// <summary>A fake Airtable on loopback plus a plain HttpClient holding the sandbox PAT.</summary>
internal sealed class FakeApiSession : IAsyncDisposable
{
    private FakeApiSession(FakeAirtableServer server, HttpClient client)
    {
        Server = server;
        Client = client;
    }

    /// <summary>The PAT the client sends unless a test names another; every read scope, all bases.</summary>
    public const string TestToken = "patTestSession001.secret";

    public FakeAirtableServer Server { get; }
    public HttpClient Client { get; }
    public FakeAirtableState State => Server.State;

    public static async Task<FakeApiSession> StartAsync(Action<FakeAirtableOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new FakeAirtableOptions();
        configure?.Invoke(options);
        var server = await FakeAirtableServer.StartAsync(options, timeProvider, Xunit.TestContext.Current.CancellationToken);
        var client = new HttpClient { BaseAddress = server.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestToken);
        var session = new FakeApiSession(server, client);
        session.AddToken(TestToken, [.. FakeSandboxSeeder.SandboxScopes]);
        return session;
    }

    /// <summary>Registers a PAT with the given scopes for the sandbox user and returns it.</summary>
    public string AddToken(string token, params string[] scopes)
    {
        var user = State.Users.FindByEmail(FakeUserDirectory.SandboxEmail) ?? throw new InvalidOperationException("no sandbox user");
        State.Tokens.Add(new FakeAccessToken(token, FakeTokenKind.PersonalAccessToken, user.Id, scopes, null));
        return token;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string pathAndQuery, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string pathAndQuery, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request, Xunit.TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken);
        var body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (response.StatusCode, body);
    }

    /// <summary>Follows offsets until the last page; returns every page's records in order.</summary>
    public async Task<List<JsonElement>> ListAllAsync(string baseId, string table, string query = "")
    {
        var records = new List<JsonElement>();
        string? offset = null;
        do
        {
            var separator = query.Length > 0 ? "&" : "";
            var url = $"/v0/{baseId}/{Uri.EscapeDataString(table)}?{query}" + (offset is null ? "" : $"{separator}offset={Uri.EscapeDataString(offset)}");
            var (status, body) = await GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, status);
            records.AddRange(body.GetProperty("records").EnumerateArray());
            offset = body.TryGetProperty("offset", out var next) ? next.GetString() : null;
        }
        while (offset is not null);
        return records;
    }

    public static string ErrorType(JsonElement body) => body.GetProperty("error").ValueKind == JsonValueKind.String
        ? body.GetProperty("error").GetString() ?? ""
        : body.GetProperty("error").GetProperty("type").GetString() ?? "";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
