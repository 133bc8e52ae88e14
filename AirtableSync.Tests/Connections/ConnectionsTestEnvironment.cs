using AirtableSync.Airtable;
using AirtableSync.Connections;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.OAuth;
using AirtableSync.Storage;
using AirtableSync.Tests.Infrastructure;
using AirtableSync.Web.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Connections;

/// <summary>
/// One test's world: the fake Airtable and a small app hosting AddAirtableConnections() + MapAirtableOAuth() over
/// loopback, a real SQLite file and key ring in a temp directory, a fake clock shared by both, every log line kept.
/// </summary>
public sealed class ConnectionsTestEnvironment : IAsyncDisposable
{
    public const string PublicClientId = "testPublicClient";
    public const string ConfidentialClientId = "testConfidentialClient";
    public const string ConfidentialClientSecret = "test-confidential-secret-0123456789";

    private readonly LoopbackTestApp _host;

    private ConnectionsTestEnvironment(LoopbackTestApp host, FakeTimeProvider time, CapturingLoggerProvider logs)
    {
        _host = host;
        Time = time;
        Logs = logs;
    }

    public WebApplication App => _host.App;
    public FakeAirtableServer Fake => _host.Fake;
    public FakeTimeProvider Time { get; }
    public string Directory => _host.Directory;
    public CapturingLoggerProvider Logs { get; }
    public Uri BaseUrl => _host.BaseUrl;
    public Uri CallbackUri => new(BaseUrl, OAuthEndpoints.CallbackPath);
    public string DatabasePath => Path.Combine(Directory, "airtablesync.db");
    public FakeOAuthAuthority OAuth => Fake.State.OAuth;
    public ISyncStore Store => App.Services.GetRequiredService<ISyncStore>();

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <param name="confidential">Use the client with a secret (HTTP Basic) instead of the public one.</param>
    public static async Task<ConnectionsTestEnvironment> StartAsync(
        bool confidential = false,
        Dictionary<string, string?>? settings = null,
        Action<FakeAirtableOptions>? configureFake = null,
        Action<FakeAirtableState>? beforeAppStart = null,
        CancellationToken cancellationToken = default)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        var logs = new CapturingLoggerProvider();
        var host = await LoopbackTestApp.StartAsync("airtablesync-connections-", configureFake, time, (builder, fake, directory) =>
        {
            var config = new Dictionary<string, string?>
            {
                ["Airtable:ApiBaseUrl"] = fake.BaseUrl.ToString(),
                ["Airtable:WebBaseUrl"] = fake.BaseUrl.ToString(),
                ["Airtable:OAuth:ClientId"] = confidential ? ConfidentialClientId : PublicClientId,
                ["Airtable:OAuth:ClientSecret"] = confidential ? ConfidentialClientSecret : null,
                ["Storage:DataDirectory"] = directory,
            };
            foreach (var (key, value) in settings ?? [])
            {
                config[key] = value;
            }
            builder.Configuration.AddInMemoryCollection(config);
            builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Services.AddSyncStorage();
            builder.Services.AddAirtableClient();
            builder.Services.AddAirtableConnections();
            builder.Services.AddAuthentication(SignedInAdmin.SchemeName)
                .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, SignedInAdmin>(SignedInAdmin.SchemeName, null);
            builder.Services.AddAuthorizationBuilder().AddPolicy(Web.Auth.AppRoles.AdminPolicy, policy => policy.RequireRole(Web.Auth.AppRoles.Admin));
            beforeAppStart?.Invoke(fake.State);
        }, app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapAirtableOAuth();
        }, cancellationToken);
        var environment = new ConnectionsTestEnvironment(host, time, logs);
        // The callback URL is known only once Kestrel picked its port; register it like an admin at /create/oauth would.
        var scopes = host.Fake.State.Options.OAuth.SandboxScopes;
        host.Fake.State.OAuth.RegisterClient(new FakeOAuthClient(PublicClientId, null, [environment.CallbackUri], scopes));
        host.Fake.State.OAuth.RegisterClient(new FakeOAuthClient(ConfidentialClientId, ConfidentialClientSecret, [environment.CallbackUri], scopes));
        return environment;
    }

    /// <summary>Start → authorize (approve over HTTP) → callback. Returns where the app finally redirected the browser.</summary>
    public async Task<Uri> ConnectWithOAuthAsync(BrowserlessClient browser, bool approve = true, CancellationToken cancellationToken = default)
    {
        var consent = await OpenConsentAsync(browser, cancellationToken);
        var callback = await DecideAsync(browser, consent, approve, cancellationToken);
        return BrowserlessClient.RedirectOf(await browser.GetAsync(callback, cancellationToken));
    }

    /// <summary>GET /start, then the authorize URL it redirected to; returns the consent request id the fake issued.</summary>
    public async Task<string> OpenConsentAsync(BrowserlessClient browser, CancellationToken cancellationToken)
    {
        var authorize = BrowserlessClient.RedirectOf(await browser.GetAsync(new Uri(BaseUrl, "/connections/airtable/oauth/start"), cancellationToken));
        using var page = await browser.GetAsync(authorize, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        return page.Headers.GetValues("X-Fake-Consent-Request").Single();
    }

    /// <summary>Posts the consent form as the page's Approve/Cancel button does; returns the redirect to our callback.</summary>
    public async Task<Uri> DecideAsync(BrowserlessClient browser, string consentRequest, bool approve, CancellationToken cancellationToken)
    {
        using var response = await browser.PostFormAsync(new Uri(Fake.BaseUrl, "/oauth2/v1/authorize/decision"),
            new() { ["consent_request"] = consentRequest, ["decision"] = approve ? "approve" : "deny" }, cancellationToken);
        return BrowserlessClient.RedirectOf(response);
    }

    /// <summary>Start → approve, stopping before our callback: the code and the pending authorization (with its verifier) it belongs to.</summary>
    public async Task<(string Code, PendingAuthorization Pending)> AuthorizeCodeAsync(CancellationToken cancellationToken)
    {
        using var browser = new BrowserlessClient();
        var callback = await DecideAsync(browser, await OpenConsentAsync(browser, cancellationToken), approve: true, cancellationToken);
        var (check, pending) = Get<OAuthStateStore>().Consume(QueryValue(callback, "state"), SignedInAdmin.UserName);
        Assert.Equal(StateCheck.Valid, check);
        return (QueryValue(callback, "code") ?? throw new InvalidOperationException("no code"), pending ?? throw new InvalidOperationException("no pending"));
    }

    /// <summary>
    /// An active OAuth connection as the callback would store it, made without whoami (so refresh tests do not
    /// depend on the fake's public API): real code exchange at the fake, tokens protected, saved in SQLite.
    /// </summary>
    public async Task<StoredConnection> SeedOAuthConnectionAsync(CancellationToken cancellationToken)
    {
        var (code, pending) = await AuthorizeCodeAsync(cancellationToken);
        var tokens = await Get<OAuthTokenClient>().ExchangeCodeAsync(code, pending.CodeVerifier, pending.RedirectUri, cancellationToken);
        var now = Time.GetUtcNow();
        var connection = new StoredConnection
        {
            Id = "oauth-usrSandboxAdmin01",
            Kind = ConnectionKind.OAuth,
            Status = ConnectionStatus.Active,
            ProtectedSecret = Get<ConnectionSecrets>().ProtectTokenSet(tokens),
            SecretHint = null,
            AirtableUserId = "usrSandboxAdmin01",
            Email = null,
            Scopes = tokens.Scopes,
            SecretExpiresAt = tokens.RefreshTokenExpiresAt,
            ValidatedAt = now,
            StatusMessage = null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await Store.SaveConnectionAsync(connection, cancellationToken);
        return connection;
    }

    /// <summary>The stored OAuth connection's tokens in clear, read the way the app reads them.</summary>
    public async Task<OAuthTokenSet> ReadStoredTokensAsync(CancellationToken cancellationToken)
    {
        var connection = (await Store.ListConnectionsAsync(cancellationToken)).Single(c => c.Kind == ConnectionKind.OAuth);
        return Get<ConnectionSecrets>().ReadTokenSet(connection);
    }

    public static string? QueryValue(Uri url, string key) =>
        QueryHelpers.ParseQuery(url.Query).TryGetValue(key, out var value) ? value.ToString() : null;

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
