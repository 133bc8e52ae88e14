using AirtableSync.Tests.Infrastructure;
using AirtableSync.Model;
using AirtableSync.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AirtableSync.Tests.EndToEnd;

// Every page a person can reach, as an admin and as an analyst, in light and dark mode, on a desktop (1440×900) and
// a phone (390×844). A page passes when it shows its content, no error, and nothing wider than the window (a page
// that scrolls sideways on a phone is broken there). With AIRTABLESYNC_WALKTHROUGH set to a folder, each view is
// saved as a screenshot for review.
public sealed class WalkthroughEndToEndTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string AnalystPassword = "analyst-password-0002";

    private static readonly (string Name, int Width, int Height)[] Screens = [("desktop", 1440, 900), ("phone", 390, 844)];

    [Fact]
    public async Task EveryPageFitsItsScreenInBothThemesForAdminsAndAnalysts()
    {
        var (app, roadmap) = await SandboxApp.StartWithRoadmapHistoryAsync();
        await using var _ = app;
        var ct = TestContext.Current.CancellationToken;
        Assert.Null(await app.Factory.Services.GetRequiredService<LocalAccounts>()
            .CreateAsync("ana", "Ana Analyst", AnalystPassword, AppRole.Analyst, firstAdminOnly: false, ct));
        var tasks = app.Airtable.State.Workspace.GetTables(roadmap.Id).First(t => t.Name == "Tasks");
        var record = (await app.Store.QueryRecordsAsync(new RecordQuery(roadmap.Id, tasks.Id, Take: 1), ct)).Items[0];

        string[] shared = ["/", "/bases", $"/bases/{roadmap.Id}", $"/bases/{roadmap.Id}/tables/{tasks.Id}", $"/bases/{roadmap.Id}/tables/{tasks.Id}/records/{record.Id}",
            $"/bases/{roadmap.Id}/tables/{tasks.Id}/analytics", $"/bases/{roadmap.Id}/tables/{tasks.Id}/analytics?view=flow",
            $"/bases/{roadmap.Id}/tables/{tasks.Id}/analytics?view=cycle", $"/bases/{roadmap.Id}/tables/{tasks.Id}/analytics?view=people"];
        string[] adminOnly = ["/jobs", "/connect", "/settings", "/admin/users", "/admin/api-keys"];

        var problems = new List<string>();
        var admin = await app.NewSignedInPageAsync(browser.Browser);
        await WalkAsync(admin, "admin", [.. shared, .. adminOnly], problems);

        var analyst = await browser.Browser.NewPageAsync(new() { BaseURL = app.BaseUrl.ToString() });
        await analyst.SignInAsync("ana", AnalystPassword);
        await WalkAsync(analyst, "analyst", shared, problems);

        // Every view is judged before the test fails, so one run lists every broken view.
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task WalkAsync(IPage page, string who, IReadOnlyList<string> paths, List<string> problems)
    {
        foreach (var dark in new[] { false, true })
        {
            foreach (var (screen, width, height) in Screens)
            {
                await page.SetViewportSizeAsync(width, height);
                foreach (var path in paths)
                {
                    await page.GotoInteractiveAsync(path);
                    await SetDarkAsync(page, dark);
                    await Assertions.Expect(page.Locator(".mud-main-content :is(h1, h2, h3, h4, h5, h6)").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
                    // Loading states settle: the page's data is in before it is judged.
                    await Assertions.Expect(page.GetByTestId("loading-state")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
                    if (System.Text.RegularExpressions.Regex.IsMatch(path, "/tables/[^/?]+$"))
                    {
                        // The grid reads its rows after the first render.
                        await Assertions.Expect(page.GetByTestId("open-record").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
                    }
                    var view = $"{who} {screen} {(dark ? "dark" : "light")} {path}";
                    await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
                    await Assertions.Expect(page.GetByTestId("error-state")).ToHaveCountAsync(0);
                    await SaveAsync(page, $"{who}-{screen}-{(dark ? "dark" : "light")}{path.Replace('/', '_')}");
                    var overflow = await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    if (overflow > 1)
                    {
                        var widest = await page.EvaluateAsync<string>("""
                            () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                                .slice(-1).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 40)).join('')
                            """);
                        problems.Add($"{view}: the page is {overflow} px wider than the window ({widest})");
                    }
                }
            }
        }
    }

    private static async Task SetDarkAsync(IPage page, bool dark)
    {
        var toggle = page.GetByTestId("dark-mode-toggle");
        if (await toggle.GetAttributeAsync("aria-pressed") != (dark ? "true" : "false"))
        {
            await toggle.ClickAsync();
            await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", dark ? "true" : "false");
        }
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("AIRTABLESYNC_WALKTHROUGH") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
        }
    }
}
