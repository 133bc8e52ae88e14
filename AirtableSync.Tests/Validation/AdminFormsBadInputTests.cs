using AirtableSync.Sync;
using AirtableSync.Tests.Ui.Admin;
using AirtableSync.Web.Auth;
using AirtableSync.Web.Components.Pages.Admin;
using AirtableSync.Web.Components.Pages.Settings;
using Bunit;
using MudBlazor;

namespace AirtableSync.Tests.Validation;

// The admin pages' forms (users, API keys, sync schedule) as rendered, with text that is not what it looks like:
// each refusal is shown on the page, names the field, and nothing is stored.
public sealed class AdminFormsBadInputTests : AdminTestContext
{
    [Theory]
    [MemberData(nameof(DisplayTextCases.Refused), MemberType = typeof(DisplayTextCases))]
    public async Task TheUsersPageShowsWhyABadNameIsRefusedAndCreatesNobody(string name)
    {
        var store = await WireAsync();
        AddAccountServices();
        await Get<LocalAccounts>().CreateAsync("root", null, "a-long-password-1", AppRole.Admin, false, Token);
        var cut = RenderPage<UsersPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=user-row]")));

        await cut.InvokeAsync(() => InputOf(cut, "new-user-name").Change(DisplayTextCases.Value(name)));
        await cut.InvokeAsync(() => InputOf(cut, "new-user-password").Change("analyst-password-1"));
        await cut.Find("[data-testid=create-user]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains(DisplayTextCases.Expected(name), cut.Find("[data-testid=users-error]").TextContent, StringComparison.Ordinal));
        Assert.Single(await store.ListUsersAsync(Token));
    }

    [Theory]
    [MemberData(nameof(DisplayTextCases.Refused), MemberType = typeof(DisplayTextCases))]
    public async Task TheApiKeysPageShowsWhyABadKeyNameIsRefusedAndCreatesNoKey(string name)
    {
        var store = await WireAsync();
        AddAccountServices();
        Render<MudDialogProvider>();
        var cut = RenderPage<ApiKeysPage>();
        cut.WaitForAssertion(() => Assert.Contains("No API keys yet", cut.Markup, StringComparison.Ordinal));

        await cut.InvokeAsync(() => InputOf(cut, "new-key-name").Change(DisplayTextCases.Value(name, overLongLength: 101)));
        await cut.Find("[data-testid=create-key]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains(name == "overLong" ? "at most 100" : DisplayTextCases.Expected(name),
            cut.Find("[data-testid=api-keys-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(await store.ListApiKeysAsync(Token));
    }

    [Theory]
    [MemberData(nameof(DisplayTextCases.Accepted), MemberType = typeof(DisplayTextCases))]
    public async Task AKeyNameInAnyScriptIsKeptAsTyped(string keyName)
    {
        var store = await WireAsync();
        AddAccountServices();
        Render<MudDialogProvider>();
        var cut = RenderPage<ApiKeysPage>();
        cut.WaitForAssertion(() => Assert.Contains("No API keys yet", cut.Markup, StringComparison.Ordinal));

        await cut.InvokeAsync(() => InputOf(cut, "new-key-name").Change(keyName));
        await cut.Find("[data-testid=create-key]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(keyName, Assert.Single(store.ListApiKeysAsync(Token).GetAwaiter().GetResult()).Name));
    }

    public static readonly TheoryData<string, string> BadCrons = new()
    {
        { "crlf", "0 3 * * *\r\n* * * * *" },
        { "nul", "0 3\0 * * *" },
        { "nonAscii", "０ ３ * * *" },
        { "overLong", string.Join(' ', Enumerable.Repeat("0", 2_000)) },
    };

    [Theory]
    [MemberData(nameof(BadCrons))]
    public async Task TheScheduleFormRefusesABadCronWithoutEchoingItAndSavesNothing(string name, string cron)
    {
        await WireAsync();
        var cut = RenderPage<SettingsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=schedule-save]")));

        InputOf(cut, "cron-full").Change(cron);
        cut.Find("[data-testid=schedule-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("is not a cron expression", cut.Find("[data-testid=schedule-error]").TextContent, StringComparison.Ordinal));
        var error = cut.Find("[data-testid=schedule-error]").TextContent;
        Assert.True(error.Length < 300, $"{name}: the message quotes an essay: {error.Length} characters");
        Assert.DoesNotContain('\0', error);
        Assert.DoesNotContain("\r\n", error, StringComparison.Ordinal);
        Assert.Equal(SyncSchedule.Off, await Get<SyncScheduleStore>().GetAsync(Token));
    }

    public static readonly TheoryData<string> BadZones = ["Europe/Paris\r\nX", "Europe/\0Paris", "Europe/Pärïs", "../../etc/passwd", new string('A', 5_000)];

    [Theory]
    [MemberData(nameof(BadZones))]
    public async Task TheScheduleFormRefusesABadTimeZoneAndSavesNothing(string zone)
    {
        await WireAsync();
        var cut = RenderPage<SettingsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=schedule-save]")));

        InputOf(cut, "cron-full").Change("0 3 * * *");
        var field = cut.FindComponent<MudAutocomplete<string>>();
        await cut.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(zone));
        cut.Find("[data-testid=schedule-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("is not a time zone this server knows", cut.Find("[data-testid=schedule-error]").TextContent, StringComparison.Ordinal));
        Assert.True(cut.Find("[data-testid=schedule-error]").TextContent.Length < 300);
        Assert.Equal(SyncSchedule.Off, await Get<SyncScheduleStore>().GetAsync(Token));
    }
}
