using System.Security.Claims;
using AirtableSync.Storage;
using AirtableSync.Sync;
using AirtableSync.Tests.Ui.Admin;
using AirtableSync.Web.Auth;
using AirtableSync.Web.Components.Layout;
using AirtableSync.Web.Components.Pages.Connect;
using AirtableSync.Web.Components.Pages.Dashboard;
using AirtableSync.Web.Components.Pages.Jobs;
using AirtableSync.Web.Components.Pages.Settings;
using AirtableSync.WebSession;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Auth;

/// <summary>
/// The services behind buttons, called from an analyst's circuit: each refuses and changes nothing, so a button an
/// analyst somehow got (or a crafted circuit event) cannot act.
/// </summary>
public sealed class CircuitActionTests : AdminTestContext
{
    private async Task<ISyncStore> WireAsAnalystAsync()
    {
        var store = await WireAsync();
        AddAccountServices();
        SignInAs("ana", AppRoles.Analyst);
        return store;
    }

    [Fact]
    public async Task JobActionsRefuseAnAnalystAndQueueNothing()
    {
        var store = await WireAsAnalystAsync();
        var actions = Get<JobActions>();

        var refusal = await actions.StartSyncAsync(SyncMode.Full, new SyncRequest());

        Assert.Equal("Only an admin can start the sync.", refusal);
        Assert.Empty(await store.ListJobsAsync(10, Token));
    }

    [Fact]
    public async Task ConnectActionsRefuseAnAnalystAndSaveNoConnection()
    {
        var store = await WireAsAnalystAsync();
        var actions = Get<ConnectActions>();

        var outcome = await actions.ConnectPersonalAccessTokenAsync("patAnalyst000001.secret", Token);

        Assert.Equal("Only an admin can connect Airtable.", outcome.Error);
        Assert.NotNull(await actions.DisconnectAsync("con1", Token));
        await Assert.ThrowsAsync<AdminRequiredException>(() => actions.ListAsync(Token));
        Assert.Empty(await store.ListConnectionsAsync(Token));
    }

    [Fact]
    public async Task SettingsActionsRefuseAnAnalystAndSaveNothing()
    {
        var store = await WireAsAnalystAsync();
        var actions = Get<SettingsActions>();

        var refusal = await actions.SaveScheduleAsync(new SyncSchedule("0 * * * *", null));

        Assert.Equal("Only an admin can save the schedule.", refusal);
        await Assert.ThrowsAsync<AdminRequiredException>(() => actions.GetScheduleAsync(Token));
        await Assert.ThrowsAsync<AdminRequiredException>(() => actions.ListTablesAsync(Token));
        Assert.Empty(await store.ListCheckpointsAsync("settings", Token));
    }

    [Fact]
    public async Task TheBrowserLoginDriverRefusesAnAnalystBeforeLaunchingAnything()
    {
        await WireAsAnalystAsync();
        var driver = new CoordinatorBrowserLoginDriver(Get<BrowserLoginCoordinator>(), Get<CurrentUser>());

        await Assert.ThrowsAsync<AdminRequiredException>(() => driver.StartAsync("ana@example.com", "airtable-password", Token));
        await Assert.ThrowsAsync<AdminRequiredException>(() => driver.SubmitCodeAsync("login1", "123456", Token));
    }

    [Fact]
    public async Task UserAndApiKeyAdministrationRefuseAnAnalyst()
    {
        var store = await WireAsAnalystAsync();

        await Assert.ThrowsAsync<AdminRequiredException>(() => Get<UserAdminActions>().CreateAsync("mallory", null, "a-long-password-1", AppRole.Admin, Token));
        await Assert.ThrowsAsync<AdminRequiredException>(() => Get<UserAdminActions>().ListAsync(Token));
        await Assert.ThrowsAsync<AdminRequiredException>(() => Get<ApiKeyActions>().CreateAsync("backdoor", ApiKeyScope.Admin, Token));

        Assert.Empty(await store.ListUsersAsync(Token));
        Assert.Empty(await store.ListApiKeysAsync(Token));
    }

    [Fact]
    public async Task ADemotedLocalAdminLosesPowerInTheirOpenCircuit()
    {
        var store = await WireAsAnalystAsync();
        await Get<LocalAccounts>().CreateAsync("ada", null, "a-long-password-1", AppRole.Admin, firstAdminOnly: false, Token);
        var ada = await store.FindUserByNameAsync("ADA", Token) ?? throw new InvalidOperationException("no user");
        // The circuit still carries the Admin role claim it was opened with.
        Authorization.SetAuthorized("ada").SetRoles(AppRoles.Admin)
            .SetClaims(new Claim(AppRoles.LocalAccountClaim, "true"), new Claim(ClaimTypes.NameIdentifier, ada.Id));
        Assert.True(await Get<CurrentUser>().IsAdminAsync(Token));

        await store.SaveUserAsync(ada with { Role = AppRole.Analyst }, Token);

        Assert.False(await Get<CurrentUser>().IsAdminAsync(Token));
        Assert.Equal("Only an admin can start the sync.", await Get<JobActions>().StartSyncAsync(SyncMode.Full, new SyncRequest()));
    }

    [Fact]
    public async Task AnAnalystSeesNeitherAdminNavigationNorTheSyncButton()
    {
        await WireAsAnalystAsync();

        var nav = Render<NavMenu>();
        var home = RenderPage<Home>();

        Assert.DoesNotContain(nav.FindAll("a"), a => a.GetAttribute("href") is "connect" or "settings" or "jobs" or "admin/users" or "admin/api-keys");
        Assert.Contains(nav.FindAll("a"), a => a.GetAttribute("href") == "bases");
        Assert.Empty(home.FindAll("[data-testid=sync-now]"));
    }

    [Fact]
    public async Task AnAdminSeesTheAdminNavigationAndTheSyncButton()
    {
        await WireAsAnalystAsync();
        SignInAs("root", AppRoles.Admin);

        var nav = Render<NavMenu>();
        var home = RenderPage<Home>();

        Assert.Contains(nav.FindAll("a"), a => a.GetAttribute("href") == "admin/api-keys");
        Assert.NotEmpty(home.FindAll("[data-testid=sync-now]"));
    }
}
