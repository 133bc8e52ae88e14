using AirtableSync.Web.Components.Shared;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Ui;

public class ViewerTimeZoneTests : UiTestContext
{
    private static readonly DateTimeOffset At = new(2026, 5, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TimesUseTheBrowsersZoneOnceItIsKnown()
    {
        var module = JSInterop.SetupModule("./js/viewer-time-zone.js");
        module.Setup<string?>("timeZone").SetResult("Asia/Tokyo");
        var cut = Render<TimeStamp>(p => p.Add(x => x.Value, At));
        cut.WaitForAssertion(() => Assert.Contains("UTC+09:00", cut.Find("[data-testid=exact-time]").TextContent, StringComparison.Ordinal));
        Assert.Equal("3 hours ago", cut.Find("[data-testid=relative-time]").TextContent);
    }

    [Fact]
    public void TimesReadInTheBrowsersLocaleWithUtcOnHover()
    {
        var module = JSInterop.SetupModule("./js/viewer-time-zone.js");
        module.Setup<string?>("timeZone").SetResult("Europe/Berlin");
        module.Setup<string?>("locale").SetResult("de-DE");

        var cut = Render<TimeStamp>(p => p.Add(x => x.Value, At));

        cut.WaitForAssertion(() => Assert.Equal("(10.05.2026 11:00 UTC+02:00)", cut.Find("[data-testid=exact-time]").TextContent.Trim()));
        Assert.Equal("2026-05-10 09:00:00 UTC", cut.Find("[data-testid=timestamp]").GetAttribute("title"));
    }

    [Fact]
    public void AnUnknownBrowserLocaleKeepsTheServersCulture()
    {
        var module = JSInterop.SetupModule("./js/viewer-time-zone.js");
        module.Setup<string?>("timeZone").SetResult("Europe/Berlin");
        module.Setup<string?>("locale").SetResult("xx-Nowhere-0");
        var zone = Services.GetRequiredService<ViewerTimeZone>();

        var cut = Render<TimeStamp>(p => p.Add(x => x.Value, At));

        cut.WaitForAssertion(() => Assert.Contains("UTC+02:00", cut.Find("[data-testid=exact-time]").TextContent, StringComparison.Ordinal));
        Assert.Same(System.Globalization.CultureInfo.CurrentCulture, zone.Culture);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Not/AZone")]
    public void TimesFallBackToUtcWhenTheBrowserCannotTell(string? browserAnswer)
    {
        var module = JSInterop.SetupModule("./js/viewer-time-zone.js");
        var call = module.Setup<string?>("timeZone");
        var cut = Render<TimeStamp>(p => p.Add(x => x.Value, At));
        call.SetResult(browserAnswer);
        cut.WaitForAssertion(() => Assert.Single(call.Invocations));
        Assert.Contains("UTC+00:00", cut.Find("[data-testid=exact-time]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingTimeReadsNever() =>
        Assert.Contains("never", Render<TimeStamp>(p => p.Add(x => x.Value, null)).Markup, StringComparison.Ordinal);
}
