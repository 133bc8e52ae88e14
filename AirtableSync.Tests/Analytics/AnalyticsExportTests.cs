using System.Net;
using AirtableSync.Tests.Auth;
using AirtableSync.Tests.Export;
using AirtableSync.Tests.Ui;

namespace AirtableSync.Tests.Analytics;

// The analytics page's CSV links over loopback: signed in with the cookie like the page, the view's days and zone in the query.
public sealed class AnalyticsExportTests
{
    private static string Path(string report, string query) => $"/bases/{SampleBase.BaseId}/tables/{SampleBase.Projects}/analytics/{report}.csv?{query}";

    [Fact]
    public async Task AnAnalystDownloadsTheCycleTimesOfTheDaysAsked()
    {
        await using var app = await AuthApp.StartAsync();
        await AnalyticsHistory.SeedAsync(app.Store, TestContext.Current.CancellationToken);
        using var analyst = await ExportApp.AnalystAsync(app);

        var (response, _, rows) = await ExportApp.DownloadAsync(analyst, Path("cycle-time", "from=2026-01-01&to=2026-01-31&fromStatus=Doing&toStatus=Done&tz=Europe%2FParis"));

        Assert.Equal("attachment; filename=\"Sample-base-Projects-cycle-time-2026-01-01-2026-01-31.csv\"", Assert.Single(response.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal(["Record id", "Record", "Entered Doing (UTC)", "Entered Done (UTC)", "Cycle seconds"], rows[0]);
        Assert.Equal(["recProj000000002", "Project 002", "2026-01-02T00:02:00Z", "2026-01-04T00:02:00Z", "172800"], rows[1]);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task FlowIsOneLinePerDayOfTheViewersZone()
    {
        await using var app = await AuthApp.StartAsync();
        await AnalyticsHistory.SeedAsync(app.Store, TestContext.Current.CancellationToken);
        using var analyst = await ExportApp.AnalystAsync(app);

        var (_, _, rows) = await ExportApp.DownloadAsync(analyst, Path("flow", "view=flow&from=2026-01-01&to=2026-01-04&tz=UTC"));

        Assert.Equal(["Day", "Todo", "Doing", "Done"], rows[0]);
        Assert.Equal(["2026-01-04", "2", "2", "2"], rows[^1]);
        Assert.Equal(5, rows.Count);
    }

    [Theory]
    [InlineData("nonsense", "tz=UTC", HttpStatusCode.NotFound)]
    [InlineData("flow", "tz=Mars%2FOlympus", HttpStatusCode.BadRequest)]
    [InlineData("cycle-time", "tz=UTC", HttpStatusCode.BadRequest)]
    public async Task AnUnknownReportZoneOrAMissingStatusIsRefused(string report, string query, HttpStatusCode expected)
    {
        await using var app = await AuthApp.StartAsync();
        await AnalyticsHistory.SeedAsync(app.Store, TestContext.Current.CancellationToken);
        using var analyst = await ExportApp.AnalystAsync(app);

        var response = await analyst.GetAsync(Path(report, query), TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task AnAnonymousCallerIsSentToSignIn()
    {
        await using var app = await AuthApp.StartAsync();
        await AnalyticsHistory.SeedAsync(app.Store, TestContext.Current.CancellationToken);
        using var anonymous = app.NewClient();

        using var response = await anonymous.GetAsync(Path("status-durations", "tz=UTC"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
