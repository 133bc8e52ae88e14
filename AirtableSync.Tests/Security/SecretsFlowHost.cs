using System.Net.Http.Headers;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.OAuth;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Tests.Connections;
using AirtableSync.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Tests.Security;

/// <summary>
/// The whole app (Program.cs) on loopback against a fake Airtable on loopback, with every log line of the app kept at
/// Trace level. Every secret is fresh for the run, so that finding one in the logs cannot be a coincidence.
/// </summary>
internal sealed class SecretsFlowHost : IAsyncDisposable
{
    /// <summary>6 digits each; the wrong one is refused by the fake, the right one accepted (besides the TOTP).</summary>
    public const string WrongMfaCode = "604917";
    public const string RightMfaCode = "835261";
    public const string AdminUserName = "secrets-admin@example.com";

    private SecretsFlowHost(FakeAirtableServer fake, AppFactory app, CapturingLoggerProvider logs, FakeUser user, string token, string apiKey, string adminPassword)
    {
        AdminPassword = adminPassword;
        Fake = fake;
        App = app;
        Logs = logs;
        User = user;
        PersonalAccessToken = token;
        ApiKey = apiKey;
        Api = app.CreateClient();
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public FakeAirtableServer Fake { get; }
    public AppFactory App { get; }
    public CapturingLoggerProvider Logs { get; }
    public FakeUser User { get; }
    public string PersonalAccessToken { get; }
    public string ApiKey { get; }
    /// <summary>The bootstrap admin's password, for signing in to the app itself.</summary>
    public string AdminPassword { get; }
    public HttpClient Api { get; }
    public Uri BaseUrl => App.ClientOptions.BaseAddress;

    public static async Task<SecretsFlowHost> StartAsync(CancellationToken cancellationToken)
    {
        var fake = await FakeAirtableServer.StartAsync(new FakeAirtableOptions
        {
            SeedSampleWorkspace = false,
            RequestsPerSecondPerBase = 50,
            RevisionRequestsPerSecondPerBase = 200,
            WebLoginFixedMfaCode = RightMfaCode,
        }, cancellationToken: cancellationToken);
        SampleWorkspaceGenerator.AddSyntheticWorkspace(fake.State.Workspace, new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 1, RecordsPerTable: 4, FieldsPerTable: 5));
        var user = new FakeUser("usrSecretTester01", "Secret Tester", "secret.tester@example.com", "pw-" + Guid.NewGuid().ToString("N"), "KRSXG5CTMVRXEZLU");
        fake.State.Users.Add(user);
        var token = "patSecrets" + Guid.NewGuid().ToString("N")[..7] + "." + Guid.NewGuid().ToString("N");
        fake.State.Tokens.Add(new FakeAccessToken(token, FakeTokenKind.PersonalAccessToken, user.Id, ["data.records:read", "schema.bases:read", "user.email:read"], null));
        fake.State.Workspace.GrantAllBases(token);
        var apiKey = "key-" + Guid.NewGuid().ToString("N");
        var adminPassword = "app-pw-" + Guid.NewGuid().ToString("N");

        var logs = new CapturingLoggerProvider();
        var app = new AppFactory(new Dictionary<string, string?>
        {
            ["Airtable:ApiBaseUrl"] = fake.BaseUrl.ToString(),
            ["Airtable:WebBaseUrl"] = fake.BaseUrl.ToString(),
            ["Airtable:RequestsPerSecondPerBase"] = "50",
            ["Airtable:OAuth:ClientId"] = FakeOAuthOptions.PublicClientId,
            ["Api:Keys:0"] = apiKey,
            ["Auth:BootstrapAdmin:UserName"] = AdminUserName,
            ["Auth:BootstrapAdmin:Password"] = adminPassword,
            ["Browser:ExecutablePath"] = Environment.GetEnvironmentVariable("BROWSER__EXECUTABLEPATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            ["Browser:StepTimeout"] = "00:00:30",
            ["Browser:MinKeyDelayMs"] = "0",
            ["Browser:MaxKeyDelayMs"] = "5",
            ["Revisions:RequestsPerSecondPerBase"] = "100",
            ["Revisions:ConcurrentRecords"] = "4",
            // Everything, from every category: appsettings.json quiets Microsoft.AspNetCore, this turns it all back on.
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:System"] = "Trace",
            // appsettings.json quiets these two; the leak check wants every line they can write.
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
            ["Logging:LogLevel:Polly"] = "Trace",
        }, services => services.AddSingleton<ILoggerProvider>(logs));
        app.StartServer();
        // The OAuth callback is this app's, on the port Kestrel picked.
        fake.State.OAuth.RegisterClient(new FakeOAuthClient(FakeOAuthOptions.PublicClientId, null,
            [new Uri(app.ClientOptions.BaseAddress, "/connections/airtable/oauth/callback")], fake.State.OAuth.Options.SandboxScopes));
        return new SecretsFlowHost(fake, app, logs, user, token, apiKey, adminPassword);
    }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
