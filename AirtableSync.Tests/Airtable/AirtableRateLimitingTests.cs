using System.Net.Http.Headers;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Tests.Infrastructure;

namespace AirtableSync.Tests.Airtable;

/// <summary>
/// Pacing and penalties measured against the fake's own request log and window (a request is admitted when
/// fewer than N arrived in (t - 1 s, t]). Client and fake share a <see cref="VirtualClock"/>, so every arrival
/// time is the instant the client's schedule let the request go: exact on any machine, and no real waiting.
/// </summary>
public class AirtableRateLimitingTests
{
    private const string OtherIntegrationToken = "patOtherIntegr001.secret";

    [Fact]
    public async Task RateLimitStormPausesTheBaseAndNoRequestLandsInsideThePenalty()
    {
        var penalty = TimeSpan.FromSeconds(2);
        var clock = new VirtualClock();
        await using var h = await AirtableClientHarness.StartAsync(fake => fake.RateLimitPenalty = penalty, clock: clock);
        var (baseId, table) = h.AddTable("Stormy", 250);
        var lockStart = await TripBaseAsync(h, baseId);

        // Several callers at once, as a sync does: one scan and a handful of schema reads on the locked base.
        var scan = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var page in h.Client.ListRecordsAsync(baseId, table.Id, cancellationToken: TestContext.Current.CancellationToken))
            {
                count += page.Records.Count;
            }
            return count;
        }, TestContext.Current.CancellationToken);
        var schemaReads = Enumerable.Range(0, 4).Select(_ => Task.Run(() => h.Client.GetBaseSchemaAsync(baseId, TestContext.Current.CancellationToken))).ToArray();
        await clock.RunAsync([scan, .. schemaReads], TestContext.Current.CancellationToken);

        Assert.Equal(250, await scan);
        var lockEnd = lockStart + penalty;
        var client = h.ClientRequests();
        var refused = client.Where(r => r.StatusCode == 429).ToList();
        var discovery = Assert.Single(refused); // the one request that found the base locked
        Assert.Equal("RATE_LIMIT_REACHED", discovery.ErrorType);
        var insideAfterDiscovery = client.Count(r => r != discovery && r.Time >= lockStart && r.Time < lockEnd);
        TestContext.Current.TestOutputHelper?.WriteLine($"penalty window {lockStart:HH:mm:ss.fff}..{lockEnd:HH:mm:ss.fff}; client requests inside it after its first 429: {insideAfterDiscovery}; total client requests {client.Count}");
        Assert.Equal(0, insideAfterDiscovery);
        Assert.All(client.Where(r => r != discovery), r => Assert.True(r.Time >= lockEnd, $"request at {r.Time:HH:mm:ss.fff} inside the penalty ending {lockEnd:HH:mm:ss.fff}"));
        Assert.Equal(1 + 3 + 4, client.Count);
    }

    [Fact]
    public async Task OneBaseWaitsOutItsPenaltyWhileAnotherBaseKeepsGoing()
    {
        var penalty = TimeSpan.FromSeconds(3);
        var clock = new VirtualClock();
        await using var h = await AirtableClientHarness.StartAsync(fake => fake.RateLimitPenalty = penalty, clock: clock);
        var (locked, _) = h.AddTable("Locked", 1);
        var (free, _) = h.AddTable("Free", 1);
        var lockStart = await TripBaseAsync(h, locked);

        var lockedReads = Enumerable.Range(0, 3).Select(_ => Task.Run(() => h.Client.GetBaseSchemaAsync(locked, TestContext.Current.CancellationToken))).ToArray();
        var freeReads = Task.Run(async () =>
        {
            for (var i = 0; i < 6; i++)
            {
                await h.Client.GetBaseSchemaAsync(free, TestContext.Current.CancellationToken);
            }
        }, TestContext.Current.CancellationToken);
        await clock.RunAsync([.. lockedReads, freeReads], TestContext.Current.CancellationToken);

        var lockEnd = lockStart + penalty;
        var client = h.ClientRequests();
        var freeRequests = client.Where(r => r.BaseId == free).ToList();
        Assert.Equal(6, freeRequests.Count);
        Assert.All(freeRequests, r => Assert.Equal(200, r.StatusCode));
        Assert.All(freeRequests, r => Assert.True(r.Time < lockEnd, "the free base should not wait for the locked one"));
        var lockedRequests = client.Where(r => r.BaseId == locked).ToList();
        Assert.Equal(1 + 3, lockedRequests.Count);
        Assert.All(lockedRequests.Where(r => r.StatusCode == 200), r => Assert.True(r.Time >= lockEnd));
    }

    [Fact]
    public async Task ProactiveLimiterSustainsCloseToFivePerSecondWithoutA429()
    {
        var clock = new VirtualClock();
        await using var h = await AirtableClientHarness.StartAsync(clock: clock);
        var (baseId, _) = h.AddTable("Busy", 1);

        var callers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await h.Client.GetBaseSchemaAsync(baseId, TestContext.Current.CancellationToken);
            }
        }, TestContext.Current.CancellationToken)).ToArray();
        await clock.RunAsync(callers, TestContext.Current.CancellationToken);

        var arrivals = h.ClientRequests().Select(r => r.Time).Order().ToArray();
        Assert.Equal(60, arrivals.Length);
        Assert.All(h.ClientRequests(), r => Assert.Equal(200, r.StatusCode));
        var tightest = Enumerable.Range(0, arrivals.Length - 5).Min(i => arrivals[i + 5] - arrivals[i]);
        var rate = (arrivals.Length - 1) / (arrivals[^1] - arrivals[0]).TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine($"60 requests, 6 callers: {rate:F3} req/s; tightest span of 6 consecutive arrivals {tightest.TotalMilliseconds:F1} ms");
        Assert.True(tightest >= TimeSpan.FromSeconds(1), $"six requests arrived within {tightest.TotalMilliseconds} ms");
        Assert.InRange(rate, 4.8, 5.0);
    }

    [Fact]
    public async Task PenaltyRetriesAreBoundedAndThenSurfaceTheRateLimit()
    {
        // The client believes in a 0.3 s penalty, Airtable (the fake) enforces 5 s: one retry, then give up.
        var clock = new VirtualClock();
        await using var h = await AirtableClientHarness.StartAsync(
            fake => fake.RateLimitPenalty = TimeSpan.FromSeconds(5),
            new Dictionary<string, string?> { ["Airtable:RateLimitPenalty"] = "00:00:00.300", ["Airtable:RateLimitPenaltyJitter"] = "00:00:00", ["Airtable:MaxRateLimitRetries"] = "1" },
            clock: clock);
        var (baseId, _) = h.AddTable("Stuck", 1);
        await TripBaseAsync(h, baseId);

        var error = await Assert.ThrowsAsync<AirtableSync.Airtable.AirtableApiException>(
            () => clock.RunAsync(() => h.Client.GetBaseSchemaAsync(baseId, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken));

        Assert.Equal("RATE_LIMIT_REACHED", error.ErrorType);
        Assert.True(error.IsTransient);
        var client = h.ClientRequests();
        Assert.Equal(2, client.Count);
        // The retry left the moment the client's own 0.3 s pause ended, not a tick earlier.
        Assert.Equal(TimeSpan.FromMilliseconds(300), client[1].Time - client[0].Time);
    }

    [Fact]
    public async Task CancellingACallQueuedBehindAPauseEndsItWithoutSendingIt()
    {
        await using var h = await AirtableClientHarness.StartAsync(clock: new VirtualClock());
        var (baseId, _) = h.AddTable("Paused", 1);
        h.Limiters.Pause(baseId, "any", TimeSpan.FromMinutes(10));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var call = h.Client.GetBaseSchemaAsync(baseId, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Empty(h.State.RequestLog.Entries);
    }

    /// <summary>Another integration on the same base bursts past 5 req/s (docs/airtable/public-api.md §4.1); returns when the fake locked the base.</summary>
    private static async Task<DateTimeOffset> TripBaseAsync(AirtableClientHarness h, string baseId)
    {
        var user = h.State.Users.FindByEmail(FakeUserDirectory.SandboxEmail) ?? throw new InvalidOperationException("no sandbox user");
        h.State.Tokens.Add(new FakeAccessToken(OtherIntegrationToken, FakeTokenKind.PersonalAccessToken, user.Id, [.. FakeSandboxSeeder.SandboxScopes], null));
        using var other = new HttpClient { BaseAddress = h.Fake.BaseUrl };
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OtherIntegrationToken);
        for (var i = 0; i < 6; i++)
        {
            using var _ = await other.GetAsync($"/v0/meta/bases/{baseId}/tables", TestContext.Current.CancellationToken);
        }
        var tripped = h.State.RequestLog.Entries.First(e => e.StatusCode == 429);
        Assert.NotNull(h.State.RateLimiter.BaseLockedUntil(baseId, h.State.TimeProvider.GetUtcNow()));
        return tripped.Time;
    }
}
