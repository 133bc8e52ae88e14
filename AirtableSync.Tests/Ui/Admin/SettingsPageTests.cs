using AirtableSync.Revisions;
using AirtableSync.Storage;
using AirtableSync.Sync;
using AirtableSync.Web.Components.Pages.Settings;
using Bunit;
using MudBlazor;
using MudBlazor.Extensions;

namespace AirtableSync.Tests.Ui.Admin;

public sealed class SettingsPageTests : AdminTestContext
{
    private static async Task<StoredTable> ProjectsAsync(ISyncStore store) =>
        await store.GetTableAsync(SampleBase.BaseId, SampleBase.Projects, Token) ?? throw new InvalidOperationException("Seed missing.");

    private static IRenderedComponent<FieldRolesRow> ProjectsRow(IRenderedComponent<SettingsPage> cut) =>
        cut.FindComponents<FieldRolesRow>().Single(r => r.Instance.Row.Table.Id == SampleBase.Projects);

    [Fact]
    public async Task FieldRolesStartFromTheSchemaAndOfferOnlyPlausibleFields()
    {
        await WireAsync(seed: s => SampleBase.SeedAsync(s, projectCount: 3, Token));
        var cut = RenderPage<SettingsPage>();

        var row = ProjectsRow(cut);
        var selects = row.FindComponents<MudSelect<string>>();
        Assert.Equal("fldStatus", selects[0].Instance.GetState(x => x.Value));
        Assert.Equal("fldOwner", selects[1].Instance.GetState(x => x.Value));
        var statusChoices = row.Instance.Row.StatusCandidates.Select(f => f.Id).ToList();
        Assert.Contains("fldStatus", statusChoices);
        Assert.DoesNotContain("fldScore", statusChoices);
        Assert.DoesNotContain("fldOwner", statusChoices);
        Assert.Contains("fldOwner", row.Instance.Row.AssigneeCandidates.Select(f => f.Id));
    }

    [Fact]
    public async Task SavingFieldRolesStoresTheAdminsChoice()
    {
        var store = await WireAsync(seed: s => SampleBase.SeedAsync(s, projectCount: 3, Token));
        var cut = RenderPage<SettingsPage>();
        var row = ProjectsRow(cut);
        var selects = row.FindComponents<MudSelect<string>>();

        await row.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync("fldName"));
        await row.InvokeAsync(() => selects[1].Instance.ValueChanged.InvokeAsync(""));
        row.Find("[data-testid=roles-save]").Click();

        row.WaitForAssertion(() => Assert.NotEmpty(row.FindAll("[data-testid=roles-saved]")));
        var roles = await Get<TableFieldRoles>().GetAsync(await ProjectsAsync(store), Token);
        Assert.Equal(new RevisionFieldRoles("fldName", null), roles);
    }

    [Fact]
    public async Task NoTablesYetSaysToSyncFirst()
    {
        await WireAsync();
        var cut = RenderPage<SettingsPage>();

        cut.WaitForAssertion(() => Assert.Contains("run a sync first", cut.Find("[data-testid=no-tables]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidCronIsRejectedAndNothingIsSaved()
    {
        await WireAsync();
        var cut = RenderPage<SettingsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=schedule-save]")));

        InputOf(cut, "cron-incremental").Change("every 15 minutes");
        cut.Find("[data-testid=schedule-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("is not a cron expression", cut.Find("[data-testid=schedule-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal(SyncSchedule.Off, await Get<SyncScheduleStore>().GetAsync(Token));
    }

    [Fact]
    public async Task ValidScheduleIsSavedAndReadBack()
    {
        await WireAsync();
        var cut = RenderPage<SettingsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=schedule-save]")));

        InputOf(cut, "cron-incremental").Change("*/15 * * * *");
        InputOf(cut, "cron-full").Change(" 0 3 * * * ");
        cut.Find("[data-testid=schedule-save]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=schedule-saved]")));
        Assert.Equal(new SyncSchedule("*/15 * * * *", "0 3 * * *"), await Get<SyncScheduleStore>().GetAsync(Token));
    }

    [Fact]
    public async Task RateLimitsAreShownFromConfigurationWithWhereToChangeThem()
    {
        await WireAsync();
        var cut = RenderPage<SettingsPage>();

        var limits = cut.Find("[data-testid=rate-limits]").TextContent;
        Assert.Contains("5 requests/s", cut.Find("[data-testid=limit-base]").TextContent, StringComparison.Ordinal);
        Assert.Contains("4 requests/s", cut.Find("[data-testid=limit-revisions]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Airtable:RequestsPerSecondPerBase", limits, StringComparison.Ordinal);
        Assert.Contains("appsettings.json", limits, StringComparison.Ordinal);
    }
}
