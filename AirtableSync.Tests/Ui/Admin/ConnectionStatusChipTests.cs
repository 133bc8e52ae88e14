using AirtableSync.Connections;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Web.Components.Layout;
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
}
