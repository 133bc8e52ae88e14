using System.Text.Json.Nodes;
using AirtableSync.Revisions;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Sync;
using AirtableSync.WebSession;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Sync;

public sealed class RevisionSyncTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> FastRevisions = new()
    {
        ["Revisions:RequestsPerSecondPerBase"] = "50",
        ["Revisions:MaxThrottleBackoff"] = "00:00:02",
        ["Revisions:RevalidateEveryRecords"] = "5",
    };

    private static Task<SyncFixture> StartFixtureAsync(int records, Action<FakeAirtableOptions>? configure = null) =>
        SyncFixture.StartAsync(new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 1, RecordsPerTable: records, FieldsPerTable: 4), options =>
        {
            options.RevisionRequestsPerSecondPerBase = 100;
            configure?.Invoke(options);
        });

    [Fact]
    public async Task ASyncWithRevisionsStoresEveryRecordsFieldLevelHistory()
    {
        await using var fixture = await StartFixtureAsync(12);
        await using var host = await fixture.StartHostAsync(FastRevisions, withRevisions: true);
        await fixture.SignInWebSessionAsync(host);
        await host.RunSyncAsync(new SyncRequest());
        var @base = fixture.Workspace.GetBases()[0];
        // The admin's choice of Status and Assignee fields, by id (the synthetic table has no field named like them).
        using (var scope = host.Services.CreateScope())
        {
            var table = (await host.Store.ListTablesAsync(@base.Id, Ct))[0];
            await scope.ServiceProvider.GetRequiredService<TableFieldRoles>().SaveAsync(table, new RevisionFieldRoles("fldStatus00000001", "fldAssignee000001"), Ct);
        }

        var job = await host.RunSyncAsync(new SyncRequest(), JobKind.RevisionSync);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        foreach (var record in fixture.Workspace.GetRecords(@base.Id, fixture.Workspace.GetTables(@base.Id)[0].Id))
        {
            var events = await host.Store.GetRevisionsAsync(record.Id, Ct);
            Assert.NotEmpty(events);
            Assert.Contains(events, e => e.GroupType == "rowCreate" && e.ChangeKind == ChangeKind.NullToValue);
            Assert.Contains(events, e => e.Kind == RevisionEventKind.Status && e.FieldId == "fldStatus00000001");
            Assert.Contains(events, e => e.Kind == RevisionEventKind.Assignee && e.FieldId == "fldAssignee000001");
            Assert.All(events, e => Assert.True(e.IsParsed, e.RawHtml));
            Assert.Equal(events.OrderByDescending(e => e.ChangedAt).Select(e => (e.ActivityId, e.FieldId)), events.Select(e => (e.ActivityId, e.FieldId)));
            Assert.NotEmpty(await host.Store.GetRecordCommentsAsync(record.Id, Ct));
        }
    }

    [Fact]
    public async Task ARevisionSyncNamesARequestedBaseItDoesNotHaveAndFetchesTheOthers()
    {
        await using var fixture = await StartFixtureAsync(5);
        await using var host = await fixture.StartHostAsync(FastRevisions, withRevisions: true);
        await fixture.SignInWebSessionAsync(host);
        await host.RunSyncAsync(new SyncRequest());
        var @base = fixture.Workspace.GetBases()[0];

        var job = await host.RunSyncAsync(new SyncRequest(BaseIds: [@base.Id, "appNeverSynced001"]), JobKind.RevisionSync);

        Assert.Equal(JobStatus.PartiallySucceeded, job.Status);
        var failure = Assert.Single(job.Failures);
        Assert.Equal("appNeverSynced001", failure.Item);
        Assert.Contains("not stored here", failure.Message, StringComparison.Ordinal);
        foreach (var record in fixture.Workspace.GetRecords(@base.Id, fixture.Workspace.GetTables(@base.Id)[0].Id))
        {
            Assert.NotEmpty(await host.Store.GetRevisionsAsync(record.Id, Ct));
        }
    }

    [Fact]
    public async Task AMessagePackAnswerFailsThatRecordByNameAndTheOthersKeepTheirHistory()
    {
        await using var fixture = await StartFixtureAsync(6);
        await using var host = await fixture.StartHostAsync(FastRevisions, withRevisions: true);
        await fixture.SignInWebSessionAsync(host);
        await host.RunSyncAsync(new SyncRequest());
        var @base = fixture.Workspace.GetBases()[0];
        var records = fixture.Workspace.GetRecords(@base.Id, fixture.Workspace.GetTables(@base.Id)[0].Id);
        var binary = records[2].Id;
        fixture.Fake.State.Options.RevisionMessagePackRecordIds = new HashSet<string>([binary], StringComparer.Ordinal);

        var job = await host.RunSyncAsync(new SyncRequest(), JobKind.RevisionSync);

        Assert.Equal(JobStatus.PartiallySucceeded, job.Status);
        var failure = Assert.Single(job.Failures);
        Assert.Contains(binary, failure.Item, StringComparison.Ordinal);
        Assert.Contains("application/msgpack", failure.Message, StringComparison.Ordinal);
        Assert.Contains("instead of JSON", failure.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Store.GetRevisionsAsync(binary, Ct));
        foreach (var record in records.Where(r => r.Id != binary))
        {
            Assert.NotEmpty(await host.Store.GetRevisionsAsync(record.Id, Ct));
        }

        // Once Airtable answers JSON again, the next run reads the record it missed.
        fixture.Fake.State.Options.RevisionMessagePackRecordIds = new HashSet<string>(StringComparer.Ordinal);
        var retry = await host.RunSyncAsync(new SyncRequest(), JobKind.RevisionSync);
        Assert.Equal(JobStatus.Succeeded, retry.Status);
        Assert.NotEmpty(await host.Store.GetRevisionsAsync(binary, Ct));
    }

    [Fact]
    public async Task AStoredSessionWhoseCookiesNoHeaderCanCarryIsProbedAsInvalidWithoutAnyRequest()
    {
        await using var fixture = await StartFixtureAsync(1);
        await using var host = await fixture.StartHostAsync(FastRevisions, withRevisions: true);
        var user = fixture.Fake.State.Users.Collaborators[0];
        var damaged = new AirtableWebSession([new WebSessionCookie("__Host-airtable-session", "abc\r\nX-Injected: yes", "127.0.0.1", "/", null, true, true)],
            "Mozilla/5.0 Chrome/156.0", user.Id, DateTimeOffset.UnixEpoch, null);
        using var scope = host.Services.CreateScope();

        var probe = await scope.ServiceProvider.GetRequiredService<WebSessionValidator>().ProbeAsync(damaged, Ct);

        Assert.False(probe.Alive);
        Assert.Contains("cannot be sent: its cookie header contains a line break", probe.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIncrementalRunFetchesOnlyChangedRecordsWithOneRequestEach()
    {
        await using var fixture = await StartFixtureAsync(30);
        await using var host = await fixture.StartHostAsync(FastRevisions, withRevisions: true);
        await fixture.SignInWebSessionAsync(host);
        await host.RunSyncAsync(new SyncRequest(IncludeRevisions: true));
        var @base = fixture.Workspace.GetBases()[0];
        var table = fixture.Workspace.GetTables(@base.Id)[0];
        var text = table.Fields.First(f => f.Type == "singleLineText");
        var changed = fixture.Workspace.GetRecords(@base.Id, table.Id).Take(2).Select(r => r.Id).ToList();
        foreach (var id in changed)
        {
            fixture.Workspace.UpdateRecord(@base.Id, table.Id, id, new Dictionary<string, JsonNode?> { [text.Id] = JsonValue.Create("edited") });
        }
        var eventsBefore = (await host.Store.GetStatisticsAsync(Ct)).RevisionEvents;
        var requestsBefore = fixture.Fake.State.RevisionThrottle.Admitted;

        var job = await host.RunSyncAsync(new SyncRequest(IncludeRevisions: true), JobKind.IncrementalSync);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(changed.Count, fixture.Fake.State.RevisionThrottle.Admitted - requestsBefore);
        Assert.Equal(eventsBefore + changed.Count, (await host.Store.GetStatisticsAsync(Ct)).RevisionEvents);
    }

    [Fact]
    public async Task ASessionExpiringDuringTheJobStopsItAndIsReportedAsReloginNeeded()
    {
        await using var fixture = await StartFixtureAsync(40, o => o.Latency = TimeSpan.FromMilliseconds(20));
        await using var host = await fixture.StartHostAsync(FastRevisions, withRevisions: true);
        await fixture.SignInWebSessionAsync(host);
        await host.RunSyncAsync(new SyncRequest());

        var job = await host.Queue.EnqueueAsync(JobKind.RevisionSync, new SyncRequest(), Ct);
        await host.WaitForAsync(job.Id, j => j.Progress.Phase == "revisions" && j.Progress.Completed >= 3, "three histories fetched");
        fixture.Fake.State.WebSessions.Expire();
        var finished = await host.WaitForAsync(job.Id, j => j.IsFinished, "a final state");

        Assert.Equal(JobStatus.Failed, finished.Status);
        Assert.Contains("log in again", finished.Error, StringComparison.OrdinalIgnoreCase);
        Assert.True(finished.Progress.Completed < 40);
        using var scope = host.Services.CreateScope();
        var current = await scope.ServiceProvider.GetRequiredService<WebSessionValidator>().GetCurrentAsync(Ct);
        Assert.Equal(WebSessionState.Expired, current.State);
    }

    [Fact]
    public async Task ThrottledRequestsAreBackedOffOnTheSameCookiesUntilTheyPass()
    {
        await using var fixture = await StartFixtureAsync(8, o =>
        {
            o.RevisionRequestsPerSecondPerBase = 3;
            o.RateLimitPenalty = TimeSpan.FromSeconds(1);
        });
        await using var host = await fixture.StartHostAsync(new Dictionary<string, string?>(FastRevisions) { ["Revisions:RevalidateEveryRecords"] = "1000" }, withRevisions: true);
        await fixture.SignInWebSessionAsync(host);

        var job = await host.RunSyncAsync(new SyncRequest(IncludeRevisions: true));

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.True(fixture.Fake.State.RevisionThrottle.Throttled > 0, "the test must provoke 403 bursts");
        Assert.Equal(8, (await host.Store.GetStatisticsAsync(Ct)).Records);
        var @base = fixture.Workspace.GetBases()[0];
        foreach (var record in fixture.Workspace.GetRecords(@base.Id, fixture.Workspace.GetTables(@base.Id)[0].Id))
        {
            Assert.NotEmpty(await host.Store.GetRevisionsAsync(record.Id, Ct));
        }
    }

    [Fact]
    public async Task WithoutAWebSessionARevisionSyncFailsFastWithAnInstruction()
    {
        await using var fixture = await StartFixtureAsync(3);
        await using var host = await fixture.StartHostAsync(FastRevisions, withRevisions: true);

        var job = await host.RunSyncAsync(new SyncRequest(IncludeRevisions: true));

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("log in through the browser", job.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, (await host.Store.GetStatisticsAsync(Ct)).Records); // records were synced before
    }

    [Fact]
    public async Task HistoriesLongerThanAPageArePagedWithOffsetV2UntilTheEnd()
    {
        await using var fixture = await StartFixtureAsync(4);
        await using var host = await fixture.StartHostAsync(new Dictionary<string, string?>(FastRevisions) { ["Revisions:PageSize"] = "3" }, withRevisions: true);
        await fixture.SignInWebSessionAsync(host);

        var job = await host.RunSyncAsync(new SyncRequest(IncludeRevisions: true));

        Assert.Equal(JobStatus.Succeeded, job.Status);
        var @base = fixture.Workspace.GetBases()[0];
        var table = fixture.Workspace.GetTables(@base.Id)[0];
        foreach (var record in fixture.Workspace.GetRecords(@base.Id, table.Id))
        {
            var history = fixture.Fake.State.RevisionHistories.For(table, record);
            var expectedActivities = history.OfType<AirtableSync.Sandbox.Revisions.FakeRowActivity>().Count(a => a.DiffRowHtml is not null);
            var stored = await host.Store.GetRevisionsAsync(record.Id, Ct);
            Assert.Equal(expectedActivities, stored.Select(e => e.ActivityId).Distinct().Count());
        }
        // Every history (13 entries) needs five pages of three.
        Assert.True(fixture.Fake.State.RevisionThrottle.Admitted >= 4 * 5, $"{fixture.Fake.State.RevisionThrottle.Admitted} requests");
    }

    [Theory]
    [InlineData(FakeExpiredSessionAnswer.Unauthorized)]
    [InlineData(FakeExpiredSessionAnswer.RedirectToLogin)]
    [InlineData(FakeExpiredSessionAnswer.LoginPageHtml)]
    public async Task TheRevisionClientReadsEveryShapeOfAnExpiredSessionAsReloginNeeded(FakeExpiredSessionAnswer answer)
    {
        await using var fixture = await StartFixtureAsync(1, o => o.RevisionExpiredSessionAnswer = answer);
        var @base = fixture.Workspace.GetBases()[0];
        var record = fixture.Workspace.GetRecords(@base.Id, fixture.Workspace.GetTables(@base.Id)[0].Id)[0];
        var user = fixture.Fake.State.Users.Collaborators[0];
        var cookies = fixture.Fake.State.WebSessions.CookiesFor(fixture.Fake.State.WebSessions.SignIn(user.Id))
            .Select(c => new WebSessionCookie(c.Key, c.Value, "127.0.0.1", "/", null, true, true)).ToList();
        var session = new AirtableWebSession(cookies, "Mozilla/5.0 Chrome/156.0", user.Id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.Fake.BaseUrl };
        var options = Microsoft.Extensions.Options.Options.Create(new RevisionOptions());
        var client = new AirtableRevisionClient(http, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<AirtableRevisionClient>.Instance);

        var page = await client.ReadPageAsync(session, @base.Id, record.Id, null, Ct);
        Assert.Contains("\"msg\":\"SUCCESS\"", page, StringComparison.Ordinal);

        fixture.Fake.State.WebSessions.Expire();
        await Assert.ThrowsAsync<WebSessionReloginRequiredException>(() => client.ReadPageAsync(session, @base.Id, record.Id, null, Ct));
    }
}
