using AirtableSync.Tests.Infrastructure;
using AirtableSync.Web.Components.Pages.Connect;
using Bunit;

namespace AirtableSync.Tests.Ui.Admin;

public sealed class WebSessionCardTests : AdminTestContext
{
    [Fact]
    public async Task WithoutASessionTheCardSaysNoneAndCheckNowKeepsSaying()
    {
        await WireAsync();
        var cut = RenderPage<WebSessionCard>();
        cut.WaitForAssertion(() => Assert.Equal("None", cut.Find("[data-testid=web-session-state]").TextContent.Trim()));

        cut.Find("[data-testid=web-session-check]").Click();

        cut.WaitForAssertion(() => Assert.Contains("No browser session yet", cut.Find("[data-testid=web-session]").TextContent, StringComparison.Ordinal));
        Assert.Equal("None", cut.Find("[data-testid=web-session-state]").TextContent.Trim());
    }

    [Fact]
    public async Task ExpiredSessionShowsWhyAndWhenItWasLastChecked()
    {
        await WireAsync(seed: store => store.SaveConnectionAsync(StoredEntries.AdasWebSession(ConnectionStatus.Expired, Now.AddHours(-3), "Airtable redirected the home page to /login."), Token));
        var cut = RenderPage<WebSessionCard>();

        cut.WaitForAssertion(() => Assert.Equal("Expired", cut.Find("[data-testid=web-session-state]").TextContent.Trim()));
        var text = cut.Find("[data-testid=web-session]").TextContent;
        Assert.Contains("redirected the home page to /login", text, StringComparison.Ordinal);
        Assert.Contains("3 hours ago", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AValidSessionNamesTheAccountByItsEmailNotItsUserId()
    {
        await WireAsync(seed: store => store.SaveConnectionAsync(StoredEntries.AdasWebSession(ConnectionStatus.Active, Now.AddMinutes(-5)), Token));
        var cut = RenderPage<WebSessionCard>();

        cut.WaitForAssertion(() => Assert.Contains("Signed in as ada@example.com.", cut.Find("[data-testid=web-session]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("usrAda", cut.Find("[data-testid=web-session]").TextContent, StringComparison.Ordinal);
    }
}
