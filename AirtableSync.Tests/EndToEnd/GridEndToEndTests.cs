using AirtableSync.Model;
using Microsoft.Playwright;

namespace AirtableSync.Tests.EndToEnd;

// The records grid as an analyst uses it in Chromium: what is on screen, what stays put while scrolling, and that a
// chosen arrangement of columns survives a reload.
public sealed class GridEndToEndTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task StatusAndAssigneeAreOnScreenThePrimaryColumnStaysAndRowsKeepOneHeight()
    {
        await using var app = await SandboxApp.StartAsync();
        var (page, roadmap, tasks) = await app.OpenTasksGridAsync(browser.Browser);

        var headers = page.Locator("[data-testid=records-grid] thead th");
        await Assertions.Expect(headers.Nth(1)).ToHaveTextAsync("Status");
        await Assertions.Expect(headers.Nth(1)).ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(headers.Nth(2)).ToBeInViewportAsync(new() { Ratio = 1 });

        // Multi-line notes do not make rows taller than the others.
        var heights = await page.Locator("[data-testid=records-grid] tbody tr.mud-table-row").EvaluateAllAsync<double[]>(
            "rows => rows.map(r => r.getBoundingClientRect().height)");
        Assert.True(heights.Length > 10, $"{heights.Length} rows");
        Assert.All(heights, h => Assert.Equal(heights[0], h, 0.5));

        await Screenshots.SaveAsync(page, "records-grid");
        await page.SetViewportSizeAsync(1440, 900);

        // Columns resize by dragging the edge of their header.
        var statusHeader = headers.Nth(1);
        var before = (await statusHeader.BoundingBoxAsync())!;
        var edge = (await statusHeader.Locator(".mud-resizer").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(edge.X + edge.Width / 2, edge.Y + edge.Height / 2);
        await page.Mouse.DownAsync();
        // MudBlazor starts following the pointer once the server has seen the press: keep moving until it does.
        var after = before;
        for (var step = 0; step < 200 && after.Width <= before.Width + 100; step++)
        {
            await page.Mouse.MoveAsync(edge.X + 150 + step % 2, edge.Y + edge.Height / 2);
            after = (await statusHeader.BoundingBoxAsync())!;
        }
        await page.Mouse.UpAsync();
        Assert.True(after.Width > before.Width + 100, $"Status column {before.Width} px, then {after.Width} px");

        var scroller = page.Locator("[data-testid=records-grid] .mud-table-container");
        var primaryBefore = await page.GetByTestId("open-record").First.BoundingBoxAsync();
        var headerBefore = await headers.Nth(0).BoundingBoxAsync();
        await scroller.EvaluateAsync("el => { el.scrollLeft = el.scrollWidth; el.scrollTop = 400; }");
        await Assertions.Expect(scroller).ToHaveJSPropertyAsync("scrollTop", 400);

        // The header row sticks to the top and the primary column to the left of the scrolling grid.
        var headerAfter = await headers.Nth(0).BoundingBoxAsync();
        Assert.Equal(headerBefore!.Y, headerAfter!.Y, 1.0);
        Assert.Equal(headerBefore.X, headerAfter.X, 1.0);
        var firstVisiblePrimary = page.Locator("[data-testid=records-grid] tbody tr.mud-table-row td.primary-column");
        var x = await firstVisiblePrimary.Nth(12).BoundingBoxAsync();
        Assert.Equal(primaryBefore!.X, x!.X, 30.0);
        Assert.True(await scroller.EvaluateAsync<double>("el => el.scrollLeft") > 0, "the grid is wider than the window");
    }

    [Fact]
    public async Task AHiddenFieldStaysHiddenAfterAReload()
    {
        await using var app = await SandboxApp.StartAsync();
        var (page, roadmap, tasks) = await app.OpenTasksGridAsync(browser.Browser);
        var headers = page.Locator("[data-testid=records-grid] thead th");
        var status = headers.Nth(1);
        await Assertions.Expect(status).ToHaveTextAsync("Status");

        await page.GetByTestId("column-chooser").ClickAsync();
        await page.Locator("[data-testid^=column-fld]").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"^\s*Status\s*$") }).Locator("input").ClickAsync();
        await page.GetByTestId("columns-done").ClickAsync();
        await Assertions.Expect(page.GetByTestId("column-chooser")).ToHaveTextAsync("1 hidden field");
        await Assertions.Expect(headers.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Status$") })).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("open-record").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("column-chooser")).ToHaveTextAsync("1 hidden field");
        await Assertions.Expect(headers.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Status$") })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AThreeThousandRecordTableRendersOnlyTheRowsInSightWhileScrollingToTheEnd()
    {
        await using var app = await SandboxApp.StartAsync();
        await Ui.SampleBase.SeedAsync(app.Store, 3_000, TestContext.Current.CancellationToken);
        var page = await app.NewSignedInPageAsync(browser.Browser);
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoInteractiveAsync($"/bases/{Ui.SampleBase.BaseId}/tables/{Ui.SampleBase.Projects}");
        var rows = page.Locator("[data-testid=records-grid] tbody tr.mud-table-row");
        await Assertions.Expect(rows.First).ToContainTextAsync("Project 001", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("3,000 records");
        Assert.InRange(await rows.CountAsync(), 10, 150);

        var scroller = page.Locator("[data-testid=records-grid] .mud-table-container");
        await scroller.EvaluateAsync("el => el.scrollTop = el.scrollHeight");

        await Assertions.Expect(rows.Filter(new() { HasText = "Project 3000" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        Assert.InRange(await rows.CountAsync(), 10, 150);
        await Assertions.Expect(rows.Filter(new() { HasText = "Project 001" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnAnalystFiltersByStatusAndADateRangeAndTheLinkKeepsTheFilters()
    {
        await using var app = await SandboxApp.StartAsync();
        var (page, roadmap, tasks) = await app.OpenTasksGridAsync(browser.Browser);
        var ct = TestContext.Current.CancellationToken;
        var table = await app.Store.GetTableAsync(roadmap.Id, tasks.Id, ct);
        var status = table!.Fields.First(f => f.Name == "Status");
        var due = table.Fields.First(f => f.Name == "Due");
        var from = new DateOnly(2025, 8, 1);
        var to = new DateOnly(2025, 9, 30);
        var expected = (await app.Store.QueryRecordsAsync(new RecordQuery(roadmap.Id, tasks.Id, Take: 1,
            Filters: [new ValueFilter(status.Id, ["Done"]), new DateRangeFilter(due.Id, from, to)]), ct)).TotalCount;
        Assert.InRange(expected, 1, 200);

        await page.GetByTestId("filter-button").ClickAsync();
        await page.GetByTestId("filter-add").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Status", Exact = true }).ClickAsync();
        await page.GetByTestId($"filter-option-{status.Id}-Done").ClickAsync();
        await page.GetByTestId("filter-add").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Due", Exact = true }).ClickAsync();
        await page.Locator($"[data-testid=filter-from-{due.Id}] input, input[data-testid=filter-from-{due.Id}]").First.FillAsync("2025-08-01");
        await page.Locator($"[data-testid=filter-to-{due.Id}] input, input[data-testid=filter-to-{due.Id}]").First.FillAsync("2025-09-30");
        await page.Locator($"[data-testid=filter-to-{due.Id}] input, input[data-testid=filter-to-{due.Id}]").First.BlurAsync();
        await page.GetByTestId("filter-done").ClickAsync();

        var count = page.GetByTestId("record-count");
        await Assertions.Expect(count).ToHaveTextAsync(expected == 1 ? "1 record matches" : $"{expected} records match", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("filter-button")).ToHaveTextAsync("2 filters");
        var statuses = await page.Locator("[data-testid=records-grid] tbody tr.mud-table-row td:nth-child(2)").AllInnerTextsAsync();
        Assert.All(statuses, s => Assert.Equal("Done", s.Trim()));
        await Screenshots.SaveAsync(page, "records-filtered");

        // The address is the view: opened again (as a shared link would be), it shows the same records.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=circuit]")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(count).ToHaveTextAsync(expected == 1 ? "1 record matches" : $"{expected} records match", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId($"filter-chip-{status.Id}")).ToContainTextAsync("Status: Done");
    }
}
