using System.Net;
using System.Text;
using AirtableSync.Storage;
using AirtableSync.Tests.Auth;
using AirtableSync.Tests.Ui;

namespace AirtableSync.Tests.Export;

public sealed class RecordCsvExportTests
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private static readonly string[] Header = ["Record ID", "Record created", "Name", "Status", "Score", "Lead", "Owner", "Notes", "Calc"];

    private static Task UpsertProjectAsync(ISyncStore store, string id, string fieldsJson, DateTimeOffset seenAt) =>
        store.UpsertRecordsAsync(SampleBase.BaseId, SampleBase.Projects, [new RecordData(id, SampleBase.Created.AddDays(10), fieldsJson)], seenAt, Token);

    [Fact]
    public async Task AnAnalystDownloadsTheTableWithFieldNamesInOrderAndCellsReadLikeTheGrid()
    {
        await using var app = await AuthApp.StartAsync();
        await SampleBase.SeedAsync(app.Store, 3, Token);
        await UpsertProjectAsync(app.Store, "recTricky0000001",
            """{"fldName":"Smith, John","fldStatus":"Todo","fldNotes":"He said \"hi\"\nsecond line","fldScore":12345}""", SampleBase.SyncedAt);
        using var analyst = await ExportApp.AnalystAsync(app);

        var (response, bytes, rows) = await ExportApp.DownloadAsync(analyst, ExportApp.Path(SampleBase.BaseId, SampleBase.Projects));

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment; filename=\"Sample-base-Projects.csv\"", Assert.Single(response.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal(Header, rows[0]);
        Assert.Equal(5, rows.Count);
        Assert.Equal(
            ["recProj000000001", "2026-01-01T00:01:00.000Z", "Project 001", "Doing", "1", "Bob <b>Builder</b>", "Ada L", "notes for 1", "NaN"],
            rows[1]);
        Assert.Equal("Ada Lovelace", rows[2][5]);
        Assert.Equal(["recTricky0000001", "2026-01-11T00:00:00.000Z", "Smith, John", "Todo", "12345", "", "", "He said \"hi\"\nsecond line", ""], rows[4]);
        var raw = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"Smith, John\"", raw, StringComparison.Ordinal);
        Assert.Contains("\"He said \"\"hi\"\"\nsecond line\"", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACellThatLooksLikeAFormulaIsNeutralisedWithALeadingQuoteButANegativeNumberStaysANumber()
    {
        await using var app = await AuthApp.StartAsync();
        await SampleBase.SeedAsync(app.Store, 1, Token);
        await UpsertProjectAsync(app.Store, "recFormula000001", """{"fldName":"=cmd|' /C calc'!A0","fldNotes":"@SUM(A1)","fldScore":-5,"fldStatus":"-2+3"}""", SampleBase.SyncedAt);
        using var analyst = await ExportApp.AnalystAsync(app);

        var (_, _, rows) = await ExportApp.DownloadAsync(analyst, ExportApp.Path(SampleBase.BaseId, SampleBase.Projects));

        Assert.Equal("'=cmd|' /C calc'!A0", rows[2][2]);
        Assert.Equal("'@SUM(A1)", rows[2][7]);
        Assert.Equal("-5", rows[2][4]); // a plain number stays a number
        Assert.Equal("'-2+3", rows[2][3]);
    }

    [Fact]
    public async Task SearchLimitsTheRowsAsInTheGrid()
    {
        await using var app = await AuthApp.StartAsync();
        await SampleBase.SeedAsync(app.Store, 120, Token);
        using var analyst = await ExportApp.AnalystAsync(app);

        var (_, _, rows) = await ExportApp.DownloadAsync(analyst, ExportApp.Path(SampleBase.BaseId, SampleBase.Projects, "?q=" + Uri.EscapeDataString(" Project 11 ")));

        Assert.Equal([.. Enumerable.Range(110, 10).Select(i => $"Project {i}")], rows.Skip(1).Select(r => r[2]));
    }

    [Fact]
    public async Task TheGridsFiltersLimitTheRowsWithTheLinkTheRecordsPageGives()
    {
        await using var app = await AuthApp.StartAsync();
        await SampleBase.SeedAsync(app.Store, 30, Token);
        using var analyst = await ExportApp.AnalystAsync(app);
        var browse = new Web.Components.Pages.RecordList.RecordBrowse("project 01", Filters: [new ValueFilter("fldStatus", ["Todo", "Done"])]);
        var href = Web.Components.Pages.RecordList.Export.RecordExportEndpoints.Href(SampleBase.BaseId, SampleBase.Projects, browse);

        var (_, _, rows) = await ExportApp.DownloadAsync(analyst, "/" + href);

        // "project 01" finds 010–019; Todo is every third project, Done the one after a Doing.
        Assert.Equal(["Project 011", "Project 012", "Project 014", "Project 015", "Project 017", "Project 018"], rows.Skip(1).Select(r => r[2]));
    }

    [Fact]
    public async Task AFilterThatDoesNotFitTheTableOrAnUnknownZoneIsRefusedUnderItsKey()
    {
        await using var app = await AuthApp.StartAsync();
        await SampleBase.SeedAsync(app.Store, 1, Token);
        using var analyst = await ExportApp.AnalystAsync(app);

        using var response = await analyst.GetAsync(ExportApp.Path(SampleBase.BaseId, SampleBase.Projects, "?from%5BfldStatus%5D=2025-01-01&tz=Mars%2FOlympus"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("from[fldStatus]", body, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", body, StringComparison.Ordinal);
        Assert.Contains("\"tz\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedRecordsAreExportedOnlyWhenAskedForWithTheirDeletionTime()
    {
        await using var app = await AuthApp.StartAsync();
        await SampleBase.SeedAsync(app.Store, 3, Token);
        var rescan = SampleBase.SyncedAt.AddHours(1);
        await app.Store.UpsertRecordsAsync(SampleBase.BaseId, SampleBase.Projects, [SampleBase.Project(1), SampleBase.Project(2)], rescan, Token);
        Assert.Equal(1, await app.Store.TombstoneRecordsNotSeenSinceAsync(SampleBase.BaseId, SampleBase.Projects, rescan, rescan, Token));
        using var analyst = await ExportApp.AnalystAsync(app);

        var (_, _, live) = await ExportApp.DownloadAsync(analyst, ExportApp.Path(SampleBase.BaseId, SampleBase.Projects, "?includeDeleted=false"));
        var (_, _, all) = await ExportApp.DownloadAsync(analyst, ExportApp.Path(SampleBase.BaseId, SampleBase.Projects, "?includeDeleted=true"));

        Assert.Equal(Header, live[0]);
        Assert.Equal([SampleBase.ProjectId(1), SampleBase.ProjectId(2)], live.Skip(1).Select(r => r[0]));
        Assert.Equal([.. Header, "Record deleted"], all[0]);
        Assert.Equal([SampleBase.ProjectId(1), SampleBase.ProjectId(2), SampleBase.ProjectId(3)], all.Skip(1).Select(r => r[0]));
        Assert.Equal(["", "", "2026-05-10T10:00:00.000Z"], all.Skip(1).Select(r => r[^1]));
    }

    [Fact]
    public async Task MoreRecordsThanOneStorePageAreAllExported()
    {
        await using var app = await AuthApp.StartAsync();
        await SampleBase.SeedAsync(app.Store, 2_500, Token);
        using var analyst = await ExportApp.AnalystAsync(app);

        var (_, _, rows) = await ExportApp.DownloadAsync(analyst, ExportApp.Path(SampleBase.BaseId, SampleBase.Projects));

        Assert.Equal(2_501, rows.Count);
        Assert.Equal(Enumerable.Range(1, 2_500).Select(SampleBase.ProjectId), rows.Skip(1).Select(r => r[0]));
        // Linked titles are resolved on every page, not only the first.
        Assert.All(rows.Skip(1), r => Assert.Contains(r[5], new[] { "Ada Lovelace", "Bob <b>Builder</b>" }));
    }

    [Fact]
    public async Task TheGridsSortIsKeptAcrossStorePages()
    {
        await using var app = await AuthApp.StartAsync();
        await SampleBase.SeedAsync(app.Store, 1_200, Token);
        using var analyst = await ExportApp.AnalystAsync(app);

        var (_, _, descending) = await ExportApp.DownloadAsync(analyst, ExportApp.Path(SampleBase.BaseId, SampleBase.Projects, "?sort=fldScore&desc=true"));
        var (_, _, ascending) = await ExportApp.DownloadAsync(analyst, ExportApp.Path(SampleBase.BaseId, SampleBase.Projects, "?sort=fldScore"));

        Assert.Equal(Enumerable.Range(1, 1_200).Reverse().Select(SampleBase.ProjectId), descending.Skip(1).Select(r => r[0]));
        Assert.Equal(Enumerable.Range(1, 1_200).Select(SampleBase.ProjectId), ascending.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task SortingByAFieldTheTableDoesNotHaveIsRefusedWithAReason()
    {
        await using var app = await AuthApp.StartAsync();
        await SampleBase.SeedAsync(app.Store, 1, Token);
        using var analyst = await ExportApp.AnalystAsync(app);

        using var response = await analyst.GetAsync(ExportApp.Path(SampleBase.BaseId, SampleBase.Projects, "?sort=fldNotInTable0001"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("has no field 'fldNotInTable0001'", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownTableOrBaseIsNotFound()
    {
        await using var app = await AuthApp.StartAsync();
        await SampleBase.SeedAsync(app.Store, 1, Token);
        using var analyst = await ExportApp.AnalystAsync(app);

        using var table = await analyst.GetAsync(ExportApp.Path(SampleBase.BaseId, "tblMissing000001"), Token);
        using var @base = await analyst.GetAsync(ExportApp.Path("appMissing000001", SampleBase.Projects), Token);

        Assert.Equal(HttpStatusCode.NotFound, table.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, @base.StatusCode);
    }

    [Fact]
    public async Task AnAnonymousCallerIsSentToSignIn()
    {
        await using var app = await AuthApp.StartAsync();
        await SampleBase.SeedAsync(app.Store, 1, Token);
        using var anonymous = app.NewClient();

        using var response = await anonymous.GetAsync(ExportApp.Path(SampleBase.BaseId, SampleBase.Projects), Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("recProj", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }
}
