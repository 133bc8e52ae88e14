using Microsoft.Playwright;

namespace AirtableSync.Tests.EndToEnd;

// The analytics of the sandbox's Tasks table in Chromium, from the records page: every tab draws its chart from the
// synced revision history, switches to its table, and keeps the view in the address.
public sealed class AnalyticsEndToEndTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheTasksTableShowsTimeInStatusCycleTimeFlowAndPeopleFromItsHistory()
    {
        var (app, roadmap) = await SandboxApp.StartWithRoadmapHistoryAsync();
        await using var _ = app;
        var tasks = app.Airtable.State.Workspace.GetTables(roadmap.Id).First(t => t.Name == "Tasks");
        var page = await app.NewSignedInPageAsync(browser.Browser);
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoInteractiveAsync($"/bases/{roadmap.Id}/tables/{tasks.Id}");

        await page.GetByTestId("open-analytics").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/bases/{roadmap.Id}/tables/{tasks.Id}/analytics$"));
        await Assertions.Expect(page.Locator("h4")).ToHaveTextAsync("Tasks analytics", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=status-chart] svg").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByTestId("show-table").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-row").First).ToBeVisibleAsync();
        Assert.True(await page.GetByTestId("status-row").CountAsync() >= 2, "the Tasks table has several statuses");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Flow" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("view=flow"));
        await Assertions.Expect(page.Locator("[data-testid=flow-chart] svg").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Tab, new() { Name = "Cycle time" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("cycle-from")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Tab, new() { Name = "People" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=people-chart] svg, [data-testid=no-assignments], [data-testid=no-assignee-field]").First)
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Screenshots.SaveAsync(page, "analytics-people");

        // The address holds the view: a reload opens the same tab.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "People" })).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("error-state")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }
}
