using AirtableSync.Airtable;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AirtableSync.Tests.Airtable;

/// <summary>
/// The fake Airtable on loopback plus a real <see cref="AirtableApiClient"/> built by <c>AddAirtableClient()</c>
/// from configuration, holding a PAT the fake knows. Real time with penalties shortened per test, or, given a
/// <see cref="VirtualClock"/>, one clock for the client and the fake so that waits are exact.
/// </summary>
internal sealed class AirtableClientHarness : IAsyncDisposable
{
    public const string Token = "patClientTests001.secret";

    private AirtableClientHarness(FakeAirtableServer fake, ServiceProvider services)
    {
        Fake = fake;
        Services = services;
    }

    public FakeAirtableServer Fake { get; }
    public ServiceProvider Services { get; }
    public FakeAirtableState State => Fake.State;
    public AirtableApiClient Client => Services.GetRequiredService<AirtableApiClient>();
    public AirtableRateLimiters Limiters => Services.GetRequiredService<AirtableRateLimiters>();

    /// <summary>The fake's label for <see cref="Token"/> in its request log.</summary>
    public static string TokenId => FakeRequestLog.TokenIdOf(Token);

    public static async Task<AirtableClientHarness> StartAsync(
        Action<FakeAirtableOptions>? fake = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        VirtualClock? clock = null)
    {
        var fakeOptions = new FakeAirtableOptions { SeedSampleWorkspace = false };
        fake?.Invoke(fakeOptions);
        var server = await FakeAirtableServer.StartAsync(fakeOptions, clock, cancellationToken: Xunit.TestContext.Current.CancellationToken);
        var user = server.State.Users.FindByEmail(FakeUserDirectory.SandboxEmail) ?? throw new InvalidOperationException("no sandbox user");
        server.State.Tokens.Add(new FakeAccessToken(Token, FakeTokenKind.PersonalAccessToken, user.Id, [.. FakeSandboxSeeder.SandboxScopes], null));

        var configuration = new Dictionary<string, string?>
        {
            ["Airtable:ApiBaseUrl"] = server.BaseUrl.ToString(),
            ["Airtable:PersonalAccessToken"] = Token,
            ["Airtable:RequestsPerSecondPerBase"] = fakeOptions.RequestsPerSecondPerBase.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Airtable:RequestsPerSecondPerToken"] = fakeOptions.RequestsPerSecondPerToken.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Airtable:RateLimitPenalty"] = fakeOptions.RateLimitPenalty.ToString(),
            ["Airtable:RateLimitPenaltyJitter"] = "00:00:00.200",
            ["Airtable:TransientRetryBaseDelay"] = "00:00:00.020",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        if (clock is not null)
        {
            collection.AddSingleton<TimeProvider>(clock);
        }
        collection.AddAirtableClient();
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider(validateScopes: true);
        provider.GetRequiredService<IStartupValidator>().Validate();
        return new AirtableClientHarness(server, provider);
    }

    /// <summary>A base with one table whose fields are (Name: singleLineText, Amount: number) and <paramref name="records"/> records.</summary>
    public (string BaseId, FakeTable Table) AddTable(string baseName, int records)
    {
        var @base = State.Workspace.AddBase(baseName);
        var table = State.Workspace.AddTable(@base.Id, "Items", [new FakeFieldSpec("Name", "singleLineText"), new FakeFieldSpec("Amount", "number")]);
        for (var i = 0; i < records; i++)
        {
            State.Workspace.AddRecord(@base.Id, table.Id, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>
            {
                [table.Fields[0].Id] = $"Item {i}",
                // A double, not an int: the fake's sort reads numbers with GetValue<double>(), which a JsonValue<int> refuses (reported).
                [table.Fields[1].Id] = (double)i,
            });
        }
        return (@base.Id, table);
    }

    /// <summary>Requests the fake saw from this client's token.</summary>
    public IReadOnlyList<FakeRequestLogEntry> ClientRequests() => [.. State.RequestLog.Entries.Where(e => e.TokenId == TokenId)];

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
