using AirtableSync.Connections;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Web.Components.Layout;
using AirtableSync.Web.Components.Pages.Connect;
using Bunit;

namespace AirtableSync.Tests.Ui.Admin;

public sealed class ConnectionStatusChipTests : AdminTestContext
{
    [Fact]
    public async Task TheAppBarSaysWhenAirtableIsNotConnected()
    {
        await WireAsync();

        var cut = Render<ConnectionStatusChip>();

        cut.WaitForAssertion(() => Assert.Equal("Airtable not connected", cut.Find("[data-testid=connection-status-chip]").TextContent.Trim()));
    }

    [Fact]
    public async Task TheAppBarShowsTheActiveConnectionWithoutItsSecret()
    {
        await StartFakeAirtableAsync();
        await WireAsync();
        await Get<AirtableConnector>().ConnectPersonalAccessTokenAsync(FakeSandboxSeeder.SandboxToken, Xunit.TestContext.Current.CancellationToken);

        var cut = Render<ConnectionStatusChip>();

        cut.WaitForAssertion(() => Assert.StartsWith("Airtable: ", cut.Find("[data-testid=connection-status-chip]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.DoesNotContain("not connected", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(FakeSandboxSeeder.SandboxToken, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppBarFollowsAConnectionMadeAndRemovedOnTheConnectPage()
    {
        await StartFakeAirtableAsync();
        await WireAsync(sandbox: true);
        var chip = Render<ConnectionStatusChip>();
        chip.WaitForAssertion(() => Assert.Equal("Airtable not connected", chip.Find("[data-testid=connection-status-chip]").TextContent.Trim()));
        var page = RenderPage<ConnectPage>();

        page.Find("[data-testid=try-sandbox]").Click();

        chip.WaitForAssertion(() => Assert.StartsWith("Airtable: ", chip.Find("[data-testid=connection-status-chip]").TextContent.Trim(), StringComparison.Ordinal),
            TimeSpan.FromSeconds(20));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=connection]")), TimeSpan.FromSeconds(20));

        page.FindAll("[data-testid=connection] button").Single(b => b.TextContent.Contains("Disconnect", StringComparison.Ordinal)).Click();

        chip.WaitForAssertion(() => Assert.Equal("Airtable not connected", chip.Find("[data-testid=connection-status-chip]").TextContent.Trim()),
            TimeSpan.FromSeconds(20));
    }
}
