using AirtableSync.Sync;
using AirtableSync.Web.Components.Pages.Settings;
using Bunit;
using MudBlazor;
using MudBlazor.Extensions;

namespace AirtableSync.Tests.Ui.Admin;

/// <summary>The Settings page's schedule form: the zone field, and the next runs it shows. The clock is 10 May 2026 12:00 UTC.</summary>
public sealed class ScheduleFormTests : AdminTestContext
{
    private async Task<IRenderedComponent<SettingsPage>> RenderFormAsync()
    {
        var cut = RenderPage<SettingsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=schedule-save]")));
        return cut;
    }

    private static Task ChooseZoneAsync(IRenderedComponent<SettingsPage> cut, string zone)
    {
        var field = cut.FindComponent<MudAutocomplete<string>>();
        return cut.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(zone));
    }

    private static string Text(IRenderedComponent<SettingsPage> cut, string testId) => cut.Find($"[data-testid={testId}]").TextContent;

    [Fact]
    public async Task ZoneDefaultsToUtcAndTheNextRunsAreShownInIt()
    {
        await WireAsync();
        var cut = await RenderFormAsync();

        InputOf(cut, "cron-full").Change("0 3 * * *");

        Assert.Equal("UTC", cut.FindComponent<MudAutocomplete<string>>().Instance.GetState(x => x.Value));
        Assert.Contains("Full sync (cron, UTC)", cut.Markup, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal("Next full sync: Mon 11 May 2026 03:00 UTC", Text(cut, "next-full")));
        Assert.Equal("Next incremental sync: off", Text(cut, "next-incremental"));
    }

    [Fact]
    public async Task ChosenZoneChangesTheLabelsAndNextRunsAndIsSaved()
    {
        await WireAsync();
        var cut = await RenderFormAsync();

        InputOf(cut, "cron-incremental").Change("*/15 * * * *");
        InputOf(cut, "cron-full").Change("0 3 * * *");
        await ChooseZoneAsync(cut, "Europe/Paris");

        // Paris is UTC+2 in May: 03:00 there is 01:00 UTC.
        cut.WaitForAssertion(() => Assert.Equal("Next full sync: Mon 11 May 2026 03:00 Europe/Paris (01:00 UTC)", Text(cut, "next-full")));
        Assert.Equal("Next incremental sync: Sun 10 May 2026 14:15 Europe/Paris (12:15 UTC)", Text(cut, "next-incremental"));
        Assert.Contains("Full sync (cron, Europe/Paris)", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("every night at 03:00 Europe/Paris", cut.Markup, StringComparison.Ordinal);

        cut.Find("[data-testid=schedule-save]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=schedule-saved]")));
        Assert.Equal(new SyncSchedule("*/15 * * * *", "0 3 * * *", "Europe/Paris"), await Get<SyncScheduleStore>().GetAsync(Token));
    }

    [Fact]
    public async Task UnknownZoneIsRefusedWithItsMessageAndNothingIsSaved()
    {
        await WireAsync();
        var cut = await RenderFormAsync();

        InputOf(cut, "cron-full").Change("0 3 * * *");
        await ChooseZoneAsync(cut, "Mars/Olympus");
        cut.WaitForAssertion(() => Assert.Equal("Next full sync: unknown time zone", Text(cut, "next-full")));
        cut.Find("[data-testid=schedule-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("\"Mars/Olympus\" is not a time zone this server knows", Text(cut, "schedule-error"), StringComparison.Ordinal));
        Assert.Equal(SyncSchedule.Off, await Get<SyncScheduleStore>().GetAsync(Token));
    }

    [Fact]
    public async Task SavedZoneIsShownWhenThePageOpens()
    {
        await WireAsync();
        await Get<SyncScheduleStore>().SaveAsync(new SyncSchedule(null, "0 3 * * *", "America/New_York"), Token);

        var cut = await RenderFormAsync();

        Assert.Equal("America/New_York", cut.FindComponent<MudAutocomplete<string>>().Instance.GetState(x => x.Value));
        // New York is UTC-4 in May.
        Assert.Equal("Next full sync: Mon 11 May 2026 03:00 America/New_York (07:00 UTC)", Text(cut, "next-full"));
    }
}
