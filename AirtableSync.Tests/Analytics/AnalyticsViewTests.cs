using AirtableSync.Analytics;
using AirtableSync.Web.Components.Pages.Analytics;

namespace AirtableSync.Tests.Analytics;

public sealed class AnalyticsViewTests
{
    private static readonly DateOnly Today = new(2026, 3, 31);

    [Fact]
    public void AnEmptyAddressShowsTimeInStatusForTheLastThirtyDaysAndWritesNothingBack()
    {
        var view = AnalyticsView.Parse("", Today);

        Assert.Equal(new AnalyticsView(AnalyticsTab.Status, new DateOnly(2026, 3, 2), Today), view);
        Assert.Equal(30, view.Days);
        Assert.Equal("", view.Query(Today));
    }

    [Fact]
    public void EveryChoiceSurvivesTheAddress()
    {
        var view = new AnalyticsView(AnalyticsTab.People, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), "In progress", "Done & dusted", AssignmentPeriodUnit.Month);

        var query = view.Query(Today);

        Assert.Equal("view=people&from=2025-01-01&to=2025-12-31&fromStatus=In%20progress&toStatus=Done%20%26%20dusted&period=month", query);
        Assert.Equal(view, AnalyticsView.Parse("?" + query, Today));
    }

    [Theory]
    [InlineData("?view=sideways&from=yesterday&to=2026-13-01&period=fortnight")]
    [InlineData("?view=&from=&to=")]
    public void MalformedValuesFallBackToTheDefaultsInsteadOfFailing(string query)
    {
        Assert.Equal(AnalyticsView.Default(Today), AnalyticsView.Parse(query, Today));
    }

    [Fact]
    public void DaysInTheWrongOrderAreSwappedAndTooLongARangeKeepsItsEnd()
    {
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1)),
            AnalyticsView.Parse("?from=2026-02-01&to=2026-01-01", Today) is var swapped ? (swapped.From, swapped.To) : default);

        var capped = AnalyticsView.Parse("?from=2000-01-01&to=2026-03-31", Today);

        Assert.Equal(Today, capped.To);
        Assert.Equal(AnalyticsView.MaxDays, capped.Days);
    }

    [Fact]
    public void APeriodRunsFromTheFirstMidnightToTheMidnightAfterTheLastDayInTheViewersZone()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        // 29 March 2026 is the spring-forward day in Paris: these three days are 71 hours, not 72.
        var view = new AnalyticsView(AnalyticsTab.Flow, new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 30));

        var period = view.Period(paris);

        Assert.Equal(new DateTimeOffset(2026, 3, 27, 23, 0, 0, TimeSpan.Zero), period.From);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 22, 0, 0, TimeSpan.Zero), period.To);
        Assert.Equal(TimeSpan.FromHours(71), period.To - period.From);
        Assert.Same(paris, period.Zone);
    }

    [Theory]
    [InlineData(null, "—")]
    [InlineData(0.4, "0 s")]
    [InlineData(59.6, "1 min")]
    [InlineData(45.0, "45 s")]
    [InlineData(125.0, "2 min 5 s")]
    [InlineData(7_200.0, "2 h")]
    [InlineData(7_500.0, "2 h 5 min")]
    [InlineData(273_600.0, "3 d 4 h")]
    [InlineData(86_400.0 * 400, "400 d")]
    public void DurationsReadAsTheirTwoLargestUnits(double? seconds, string expected)
    {
        Assert.Equal(expected, DurationText.Of(seconds));
    }
}
