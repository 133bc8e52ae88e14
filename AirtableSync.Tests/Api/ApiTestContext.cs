using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using AirtableSync.Jobs;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Storage;
using AirtableSync.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Api;

/// <summary>The app on loopback, a fake Airtable on loopback, and an HttpClient carrying a valid API key.</summary>
internal sealed class ApiTestContext : IAsyncDisposable
{
    public const string ApiKey = "test-api-key-0123456789abcdef";
    public const string Token = "patApiTests000001.secret-value";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private ApiTestContext(FakeAirtableServer fake, AppFactory app, HttpClient client)
    {
        Fake = fake;
        App = app;
        Client = client;
    }

    public FakeAirtableServer Fake { get; }

    public AppFactory App { get; }

    public HttpClient Client { get; }

    public ISyncStore Store => App.Services.GetRequiredService<ISyncStore>();

    /// <param name="services">Replaces app services, e.g. a FakeTimeProvider as the app's clock or a log capture.</param>
    public static async Task<ApiTestContext> StartAsync(SyntheticWorkspaceSpec spec, bool connectWithConfiguredToken = true, Action<IServiceCollection>? services = null)
    {
        var fake = await FakeAirtableServer.StartAsync(new FakeAirtableOptions { SeedSampleWorkspace = false, RequestsPerSecondPerBase = 20 },
            cancellationToken: Xunit.TestContext.Current.CancellationToken);
        SampleWorkspaceGenerator.AddSyntheticWorkspace(fake.State.Workspace, spec);
        var user = fake.State.Users.Collaborators[0];
        fake.State.Tokens.Add(new FakeAccessToken(Token, FakeTokenKind.PersonalAccessToken, user.Id, ["data.records:read", "schema.bases:read", "user.email:read"], null));
        fake.State.Workspace.GrantAllBases(Token);

        var settings = new Dictionary<string, string?>
        {
            ["Airtable:ApiBaseUrl"] = fake.BaseUrl.ToString(),
            ["Airtable:WebBaseUrl"] = fake.BaseUrl.ToString(),
            ["Airtable:RequestsPerSecondPerBase"] = "20",
            ["Api:Keys:0"] = ApiKey,
        };
        if (connectWithConfiguredToken)
        {
            settings["Airtable:PersonalAccessToken"] = Token;
        }
        var app = new AppFactory(settings, services);
        app.StartServer();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return new ApiTestContext(fake, app, client);
    }

    /// <summary>Waits for a job's end, pushed by the app's notifier (no polling, no sleeping).</summary>
    public Task<JobEntry> WaitForJobAsync(string jobId) =>
        App.Services.GetRequiredService<JobWaiter>().WaitUntilFinishedAsync(jobId, Xunit.TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60));

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(Json, Xunit.TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException("Empty body.");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
