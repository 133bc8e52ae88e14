using AirtableSync.Airtable;
using AirtableSync.Revisions;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Sandbox.Revisions;
using AirtableSync.Tests.Connections;
using AirtableSync.WebSession;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Revisions;

/// <summary>
/// The revision client as the app registers it (typed HttpClient with its one pipeline) against the fake over loopback.
/// The client's clock is a <see cref="FakeTimeProvider"/>, so a backoff happens only when the test advances it; the
/// fake's clock is frozen, so once its one request per second is spent it throttles every later request.
/// </summary>
public sealed class RevisionClientTests : IAsyncDisposable
{
    // Cancelled on dispose, so a read left hanging by a failed assertion ends instead of holding the pipeline open.
    private readonly CancellationTokenSource _cts = CancellationTokenSource.CreateLinkedTokenSource(Xunit.TestContext.Current.CancellationToken);

    private CancellationToken Ct => _cts.Token;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private FakeAirtableServer? _fake;
    private ServiceProvider? _services;

    [Fact]
    public async Task ThrottledAnswersAreRetriedAfterExponentialBackoffsScheduledOnTheInjectedClock()
    {
        var signals = new SignallingLoggerProvider();
        var (client, session, baseId, recordIds) = await StartAsync(signals, maxThrottleRetries: 2).WaitAsync(Patience, Ct);
        Assert.Contains("\"msg\":\"SUCCESS\"", await client.ReadPageAsync(session, baseId, recordIds[0], null, Ct).WaitAsync(Patience, Ct), StringComparison.Ordinal);
        _clock.Advance(TimeSpan.FromSeconds(1)); // the client's own pacing slot; the fake's second stays spent

        var read = client.ReadPageAsync(session, baseId, recordIds[1], null, Ct);

        var first = await signals.WaitForAsync(IsBackoff).WaitAsync(Patience, Ct);
        var firstDelay = Assert.IsType<TimeSpan>(first.Values["Delay"]);
        Assert.InRange(firstDelay, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1500)); // 1 s·2⁰ + ≤0.5 s jitter
        Assert.Equal(403, first.Values["Status"]);
        Assert.Equal(baseId, first.Values["BaseId"]);
        Assert.False(read.IsCompleted);
        Assert.Equal(1, _fake!.State.RevisionThrottle.Throttled);

        _clock.Advance(firstDelay);
        var second = await signals.WaitForAsync(IsBackoff, count: 2).WaitAsync(Patience, Ct);
        var secondDelay = Assert.IsType<TimeSpan>(second.Values["Delay"]);
        Assert.InRange(secondDelay, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(2500)); // 1 s·2¹ + ≤0.5 s jitter
        Assert.Equal(2, _fake.State.RevisionThrottle.Throttled);
        Assert.False(read.IsCompleted);

        _clock.Advance(secondDelay);
        var error = await Assert.ThrowsAsync<RevisionThrottledException>(() => read.WaitAsync(Patience, Ct));
        Assert.Contains("(403) after 2 backoffs", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _fake.State.RevisionThrottle.Throttled);
    }

    [Fact]
    public async Task AMessagePackAnswerFailsTheReadNamingItsContentTypeAndLogsItsLength()
    {
        var logs = new CapturingLoggerProvider();
        var (client, session, baseId, recordIds) = await StartAsync(logs, maxThrottleRetries: 5, fakeRequestsPerSecond: 100).WaitAsync(Patience, Ct);
        _fake!.State.Options.RevisionMessagePackRecordIds = new HashSet<string>([recordIds[0]], StringComparer.Ordinal);
        var bytes = FakeRevisionEndpoints.MessagePackSuccess.Length;

        var error = await Assert.ThrowsAsync<RevisionPayloadException>(() => client.ReadPageAsync(session, baseId, recordIds[0], null, Ct).WaitAsync(Patience, Ct));

        Assert.Contains("application/msgpack", error.Message, StringComparison.Ordinal);
        Assert.Contains(recordIds[0], error.Message, StringComparison.Ordinal);
        Assert.Contains($"({bytes} bytes)", error.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains("ContentType=application/msgpack", StringComparison.Ordinal) && l.Contains($"ByteCount={bytes}", StringComparison.Ordinal));
        Assert.Equal(1, _fake.State.RevisionThrottle.Admitted); // a failed record, not a retried one
        // The next record is read as usual, once the client's pacing slot has come round on its clock.
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("\"msg\":\"SUCCESS\"", await client.ReadPageAsync(session, baseId, recordIds[1], null, Ct).WaitAsync(Patience, Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("crlf")]
    [InlineData("nul")]
    [InlineData("accent")]
    public async Task AStoredSessionWhoseCookiesNoHeaderCanCarryAsksForANewLoginAndSendsNothing(string name)
    {
        var (client, session, baseId, recordIds) = await StartAsync(new CapturingLoggerProvider(), maxThrottleRetries: 0).WaitAsync(Patience, Ct);
        var value = name switch { "crlf" => "abc\r\nX-Injected: yes", "nul" => "abc\0def", _ => "caf\u00e9" };
        var damaged = session with { Cookies = [.. session.Cookies, new WebSessionCookie("damaged", value, "127.0.0.1", "/", null, true, true)] };

        var error = await Assert.ThrowsAsync<WebSessionReloginRequiredException>(() => client.ReadPageAsync(damaged, baseId, recordIds[0], null, Ct).WaitAsync(Patience, Ct));

        Assert.Contains("cannot be sent: its cookie header contains", error.Message, StringComparison.Ordinal);
        Assert.Contains("Log in again", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _fake!.State.RevisionThrottle.Admitted + _fake.State.RevisionThrottle.Throttled);
    }

    private static bool IsBackoff(LogEntry entry) => entry.Message.Contains("backing off", StringComparison.Ordinal);

    private async Task<(AirtableRevisionClient Client, AirtableWebSession Session, string BaseId, IReadOnlyList<string> RecordIds)> StartAsync(
        ILoggerProvider logs, int maxThrottleRetries, int fakeRequestsPerSecond = 1)
    {
        var frozen = new FakeTimeProvider(_clock.GetUtcNow());
        _fake = await FakeAirtableServer.StartAsync(
            new FakeAirtableOptions { SeedSampleWorkspace = false, RevisionRequestsPerSecondPerBase = fakeRequestsPerSecond, RateLimitPenalty = TimeSpan.FromSeconds(30) },
            frozen, Ct);
        SampleWorkspaceGenerator.AddSyntheticWorkspace(_fake.State.Workspace, new SyntheticWorkspaceSpec(Bases: 1, TablesPerBase: 1, RecordsPerTable: 2, FieldsPerTable: 4));
        var baseId = _fake.State.Workspace.GetBases()[0].Id;
        var recordIds = _fake.State.Workspace.GetRecords(baseId, _fake.State.Workspace.GetTables(baseId)[0].Id).Select(r => r.Id).ToList();

        var user = _fake.State.Users.Collaborators[0];
        var cookies = _fake.State.WebSessions.CookiesFor(_fake.State.WebSessions.SignIn(user.Id))
            .Select(c => new WebSessionCookie(c.Key, c.Value, "127.0.0.1", "/", null, true, true)).ToList();
        var session = new AirtableWebSession(cookies, "Mozilla/5.0 Chrome/156.0", user.Id, _clock.GetUtcNow(), _clock.GetUtcNow());

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Revisions:RequestsPerSecondPerBase"] = "50",
            ["Revisions:MaxThrottleRetries"] = maxThrottleRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build());
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        services.AddSingleton<TimeProvider>(_clock);
        services.AddOptions<AirtableOptions>().Configure(o => o.WebBaseUrl = _fake.BaseUrl);
        services.AddRevisions();
        _services = services.BuildServiceProvider();
        return (_services.GetRequiredService<AirtableRevisionClient>(), session, baseId, recordIds);
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        if (_services is not null)
        {
            // Polly's pipeline waits for executions still in flight by polling on the injected clock; move it on.
            var disposing = _services.DisposeAsync().AsTask();
            while (!disposing.IsCompleted)
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
                await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromMilliseconds(10), CancellationToken.None));
            }

            await disposing;
        }

        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }

        _cts.Dispose();
    }
}
