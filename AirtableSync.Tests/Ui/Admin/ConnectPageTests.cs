using AirtableSync.Tests.Infrastructure;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Web.Components.Pages.Connect;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Ui.Admin;

public sealed class ConnectPageTests : AdminTestContext
{
    private static void SubmitToken(IRenderedComponent<ConnectPage> cut, string token)
    {
        InputOf(cut, "pat-input").Change(token);
        cut.Find("[data-testid=pat-submit]").Click();
    }

    [Fact]
    public async Task InvalidTokenIsRejectedWithAClearErrorAndNothingIsSaved()
    {
        await StartFakeAirtableAsync();
        var store = await WireAsync();
        var cut = RenderPage<ConnectPage>();

        SubmitToken(cut, "patWrong00000000.notatoken");

        cut.WaitForAssertion(() => Assert.Contains("did not accept this personal access token", cut.Find("[data-testid=pat-error]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Empty(await store.ListConnectionsAsync(Token));
    }

    [Fact]
    public async Task EmptyTokenAsksForOneWithoutCallingAirtable()
    {
        await WireAsync();
        var cut = RenderPage<ConnectPage>();

        cut.Find("[data-testid=pat-submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Paste a personal access token", cut.Find("[data-testid=pat-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidTokenConnectsAndOnlyItsLastFourCharactersAreShown()
    {
        await StartFakeAirtableAsync();
        var store = await WireAsync();
        var cut = RenderPage<ConnectPage>();

        SubmitToken(cut, FakeSandboxSeeder.SandboxToken);

        var hint = FakeSandboxSeeder.SandboxToken[^4..];
        cut.WaitForAssertion(() => Assert.Contains($"…{hint}", cut.Find("[data-testid=pat-success]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(FakeSandboxSeeder.SandboxToken, cut.Markup, StringComparison.Ordinal);
        Assert.Equal("", InputOf(cut, "pat-input").GetAttribute("value") ?? "");
        var saved = Assert.Single(await store.ListConnectionsAsync(Token));
        Assert.Equal(ConnectionKind.PersonalAccessToken, saved.Kind);
        cut.WaitForAssertion(() => Assert.Contains(hint, cut.Find("[data-testid=secret-hint]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TryTheSandboxIsOfferedInSandboxModeAndConnectsInOneClick()
    {
        await StartFakeAirtableAsync();
        var store = await WireAsync(sandbox: true);
        var cut = RenderPage<ConnectPage>();

        cut.Find("[data-testid=try-sandbox]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=try-sandbox]")), TimeSpan.FromSeconds(20));
        var saved = Assert.Single(await store.ListConnectionsAsync(Token));
        Assert.Equal(FakeSandboxSeeder.SandboxToken[^4..], saved.SecretHint);
        Assert.Single(cut.FindAll("[data-testid=connection]"));
    }

    [Fact]
    public async Task TryTheSandboxIsHiddenOutsideSandboxMode()
    {
        await WireAsync(sandbox: false);
        var cut = RenderPage<ConnectPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=no-connections]")));
        Assert.Empty(cut.FindAll("[data-testid=try-sandbox]"));
    }

    [Fact]
    public async Task TryTheSandboxIsHiddenOnceSomethingIsConnected()
    {
        await WireAsync(sandbox: true, seed: store => store.SaveConnectionAsync(Connection(ConnectionStatus.Active), Token));
        var cut = RenderPage<ConnectPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=connection]")));
        Assert.Empty(cut.FindAll("[data-testid=try-sandbox]"));
    }

    [Fact]
    public async Task ConnectionNeedingReauthorizationIsFlagged()
    {
        await WireAsync(seed: store => store.SaveConnectionAsync(Connection(ConnectionStatus.NeedsReauthorization, "The refresh token was revoked."), Token));
        var cut = RenderPage<ConnectPage>();

        cut.WaitForAssertion(() => Assert.Contains("revoked", cut.Find("[data-testid=needs-reauthorization]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Needs reauthorization", cut.Find("[data-testid=connection-status]").TextContent.Trim());
        Assert.Contains("ada@example.com", cut.Find("[data-testid=connection-user]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAuthButtonIsDisabledWithAnExplanationWhenNoClientIsConfigured()
    {
        await WireAsync();
        var cut = RenderPage<ConnectPage>();

        Assert.True(cut.Find("[data-testid=oauth-start]").HasAttribute("disabled"));
        Assert.Contains("Airtable:OAuth:ClientId", cut.Find("[data-testid=oauth-not-configured]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAuthButtonLinksToTheStartEndpointWhenConfigured()
    {
        await WireAsync(oauthClientId: "ocl000000000001");
        var cut = RenderPage<ConnectPage>();

        Assert.Equal("/connections/airtable/oauth/start", cut.Find("[data-testid=oauth-start]").GetAttribute("href"));
        Assert.Equal("_top", cut.Find("[data-testid=oauth-start]").GetAttribute("target"));
        Assert.Empty(cut.FindAll("[data-testid=oauth-not-configured]"));
    }

    [Fact]
    public async Task TextInTheAddressIsNeverShownAsAMessage()
    {
        // OAuth failures have their own page with a closed list of reasons; a crafted link must not make this page talk.
        await WireAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/connect?error=Call%20support%20at%20evil.example");
        var cut = RenderPage<ConnectPage>();

        Assert.DoesNotContain("evil.example", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterConnectingTheSandboxTheFirstSyncIsOfferedAndQueuedInOneClick()
    {
        await StartFakeAirtableAsync();
        var store = await WireAsync(sandbox: true);
        var cut = RenderPage<ConnectPage>();
        Assert.Empty(cut.FindAll("[data-testid=first-sync-offer]"));

        cut.Find("[data-testid=try-sandbox]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=first-sync-offer]"), TimeSpan.FromSeconds(20));
        cut.Find("[data-testid=first-sync-start]").Click();

        cut.WaitForAssertion(() => Assert.Equal("/jobs", cut.Find("[data-testid=first-sync-running] a").GetAttribute("href")));
        Assert.Empty(cut.FindAll("[data-testid=first-sync-offer]"));
        var job = Assert.Single(await store.ListJobsAsync(10, Token));
        Assert.Equal(JobKind.FullSync, job.Kind);
        Assert.Equal(JobTrigger.Manual, job.Trigger);
        Assert.False(System.Text.Json.JsonSerializer.Deserialize<AirtableSync.Sync.SyncRequest>(job.ParametersJson, System.Text.Json.JsonSerializerOptions.Web)!.IncludeRevisions);
    }

    [Fact]
    public async Task NoFirstSyncIsOfferedOnceABaseHasBeenSynced()
    {
        await WireAsync(seed: async store =>
        {
            await store.SaveConnectionAsync(Connection(ConnectionStatus.Active), Token);
            await SampleBase.SeedAsync(store, 1, Token);
        });
        var cut = RenderPage<ConnectPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=connection]")));
        Assert.Empty(cut.FindAll("[data-testid=first-sync-offer]"));
        Assert.Empty(cut.FindAll("[data-testid=first-sync-running]"));
    }

    [Fact]
    public async Task TheCallbackUrlShownIsTheOneTheStartEndpointSends()
    {
        await WireAsync(oauthClientId: "ocl000000000001");
        var cut = RenderPage<ConnectPage>();

        var expected = new Uri(new Uri(Services.GetRequiredService<NavigationManager>().BaseUri), AirtableSync.Web.Endpoints.OAuthEndpoints.CallbackPath.TrimStart('/')).AbsoluteUri;
        Assert.Equal(expected, cut.Find("[data-testid=oauth-callback-url]").TextContent.Trim());
        Assert.Contains("exactly as shown", cut.Find("[data-testid=oauth-callback-rule]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=copy-callback-url]"));
    }

    [Fact]
    public async Task AnOAuthProblemIsExplainedWithWhatToDoAndAWayBack()
    {
        await WireAsync(oauthClientId: "ocl000000000001");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/connect/oauth-problem?reason=exchange_refused");
        var cut = RenderPage<OAuthProblemPage>();

        Assert.Equal("Airtable did not accept the authorization", cut.Find("[data-testid=oauth-problem-title]").TextContent.Trim());
        Assert.Contains("client secret", cut.Find("[data-testid=oauth-problem-todo]").TextContent, StringComparison.Ordinal);
        // The code exchange fails on a callback URL that differs from the registered one: show it right there.
        Assert.EndsWith(AirtableSync.Web.Endpoints.OAuthEndpoints.CallbackPath, cut.Find("[data-testid=oauth-callback-url]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("/connect", cut.Find("[data-testid=back-to-connect]").GetAttribute("href"));
    }

    [Fact]
    public async Task ACraftedOAuthProblemLinkSaysNothingItWasNotBuiltToSay()
    {
        await WireAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/connect/oauth-problem?reason=%3Cb%3Ecall%20us%3C%2Fb%3E&airtable=Call%20evil.example");
        var cut = RenderPage<OAuthProblemPage>();

        Assert.Equal(OAuthProblem.For(OAuthProblem.UnknownState).Title, cut.Find("[data-testid=oauth-problem-title]").TextContent.Trim());
        Assert.DoesNotContain("evil.example", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("call us", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=oauth-problem-code]"));
    }

    [Fact]
    public async Task SuccessfulOAuthCallbackIsAcknowledged()
    {
        await WireAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/connect?connected=oauth");
        var cut = RenderPage<ConnectPage>();

        Assert.Contains("with OAuth", cut.Find("[data-testid=query-connected]").TextContent, StringComparison.Ordinal);
    }

    private static StoredConnection Connection(ConnectionStatus status, string? message = null) => StoredEntries.AdasToken(status, Now, message);
}
