using AirtableSync.Storage;
using AirtableSync.Tests.Ui.Admin;
using AirtableSync.Web.Auth;
using AirtableSync.Web.Components.Pages.Admin;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AirtableSync.Tests.Auth;

public sealed class AdminPagesTests : AdminTestContext
{
    private async Task<ISyncStore> WireAdminPagesAsync()
    {
        var store = await WireAsync();
        AddAccountServices();
        return store;
    }

    [Fact]
    public async Task ANewApiKeyIsShownOnceAndTheListShowsOnlyItsPrefix()
    {
        var store = await WireAdminPagesAsync();
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage<ApiKeysPage>();
        cut.WaitForAssertion(() => Assert.Contains("No API keys yet", cut.Markup, StringComparison.Ordinal));

        await cut.InvokeAsync(() => InputOf(cut, "new-key-name").Change("nightly export"));
        await cut.Find("[data-testid=create-key]").ClickAsync(new());

        var stored = Assert.Single(await store.ListApiKeysAsync(Token));
        string key = "";
        dialogs.WaitForAssertion(() =>
        {
            var field = dialogs.Find("[data-testid=new-key-value]");
            key = (field.TagName == "INPUT" ? field : field.QuerySelector("input"))?.GetAttribute("value") ?? "";
            Assert.StartsWith(ApiKeys.KeyPrefix, key, StringComparison.Ordinal);
        });
        Assert.Equal(ApiKeys.Hash(key), stored.KeyHash);
        Assert.Equal(("nightly export", ApiKeyScope.ReadOnly, "admin"), (stored.Name, stored.Scope, stored.CreatedBy));
        cut.WaitForAssertion(() => Assert.Contains(stored.Prefix + "…", cut.Find("[data-testid=api-keys]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(key, cut.Markup, StringComparison.Ordinal);

        await dialogs.Find("[data-testid=close-new-key]").ClickAsync(new());

        await cut.Find("[data-testid=revoke-key]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("Revoked", cut.Find("[data-testid=api-keys]").TextContent, StringComparison.Ordinal));
        Assert.Null(await store.FindApiKeyByHashAsync(ApiKeys.Hash(key), Token));
    }

    [Fact]
    public async Task TheUsersPageCreatesAUserAndRefusesToDisableTheLastAdmin()
    {
        var store = await WireAdminPagesAsync();
        await Get<LocalAccounts>().CreateAsync("root", null, "a-long-password-1", AppRole.Admin, false, Token);
        var cut = RenderPage<UsersPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=user-row]")));

        await cut.InvokeAsync(() => InputOf(cut, "new-user-name").Change("ana@example.com"));
        await cut.InvokeAsync(() => InputOf(cut, "new-user-password").Change("analyst-password-1"));
        await cut.Find("[data-testid=create-user]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=user-row]").Count));
        Assert.Equal(AppRole.Analyst, (await store.FindUserByNameAsync("ANA@EXAMPLE.COM", Token))?.Role);

        var rootRow = cut.FindAll("[data-testid=user-row]").Single(r => r.GetAttribute("data-user") == "root");
        await rootRow.QuerySelector("[data-testid=toggle-disabled]")!.ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("last active admin", cut.Find("[data-testid=users-error]").TextContent, StringComparison.Ordinal));
        Assert.False((await store.FindUserByNameAsync("ROOT", Token))?.Disabled);
    }
}
