using AirtableSync.Storage;
using AirtableSync.Tests.Connections;
using AirtableSync.Tests.Infrastructure;
using AirtableSync.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Auth;

/// <summary>The real app on loopback with a bootstrap admin, a fake clock, and clients that sign in through the real form.</summary>
internal sealed class AuthApp : IAsyncDisposable
{
    public const string AdminName = "root@example.com";
    public const string AdminPassword = "admin-password-0001";
    public const string AnalystName = "ana@example.com";
    public const string AnalystPassword = "analyst-password-01";
    public const string ConfiguredApiKey = "configured-api-key-0123456789";

    private AuthApp(AppFactory factory, FakeTimeProvider clock, CapturingLoggerProvider logs)
    {
        Factory = factory;
        Clock = clock;
        Logs = logs;
    }

    // Everything the app logged, to check that no secret or forged line got in.
    public CapturingLoggerProvider Logs { get; }

    public AppFactory Factory { get; }

    public FakeTimeProvider Clock { get; }

    public Uri BaseUrl => Factory.ClientOptions.BaseAddress;

    public ISyncStore Store => Factory.Services.GetRequiredService<ISyncStore>();

    public T Get<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    public static async Task<AuthApp> StartAsync(bool bootstrapAdmin = true, IReadOnlyDictionary<string, string?>? extra = null, string environment = "Testing")
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?>
        {
            ["Airtable:ApiBaseUrl"] = "http://127.0.0.1:9/",
            ["Airtable:WebBaseUrl"] = "http://127.0.0.1:9/",
            ["Api:Keys:0"] = ConfiguredApiKey,
            // Generous by default so that only the rate-limit test meets the limiter.
            ["Auth:SignInRateLimit:PermitLimit"] = "1000",
        };
        if (bootstrapAdmin)
        {
            settings["Auth:BootstrapAdmin:UserName"] = AdminName;
            settings["Auth:BootstrapAdmin:Password"] = AdminPassword;
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var logs = new CapturingLoggerProvider();
        var factory = new AppFactory(settings, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<ILoggerProvider>(logs);
        }, environment);
        factory.StartServer();
        var app = new AuthApp(factory, clock, logs);
        if (bootstrapAdmin)
        {
            Assert.Null(await app.Get<LocalAccounts>().CreateAsync(AnalystName, "Ana", AnalystPassword, AppRole.Analyst, firstAdminOnly: false, Token));
        }
        return app;
    }

    /// <summary>A client with its own cookie jar that never follows redirects, so tests see them.</summary>
    public HttpClient NewClient() => AppSignIn.NewClient(BaseUrl);

    public Task<HttpClient> SignedInClientAsync(string userName, string password) => AppSignIn.SignedInClientAsync(BaseUrl, userName, password);

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
