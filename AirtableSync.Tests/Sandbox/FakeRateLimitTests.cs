using System.Net;
using AirtableSync.Sandbox.PublicApi;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Sandbox;

public class FakeRateLimitTests
{
    private static async Task<(FakeApiSession Fake, FakeTimeProvider Time, string BaseId)> StartAsync(Action<AirtableSync.Sandbox.FakeAirtableOptions>? configure = null)
    {
        var time = new FakeTimeProvider(SampleWorkspaceGenerator.SampleAnchor);
        var fake = await FakeApiSession.StartAsync(configure, time);
        return (fake, time, fake.State.Workspace.GetBases()[0].Id);
    }

    [Fact]
    public async Task TheSixthRequestInOneSecondIsRefusedAndTheBaseStaysLockedForThePenalty()
    {
        var (fake, time, baseId) = await StartAsync();
        await using var lifetime = fake;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync($"/v0/{baseId}/Tasks?pageSize=1")).Status);
            time.Advance(TimeSpan.FromMilliseconds(150));
        }
        var (status, body) = await fake.GetAsync($"/v0/{baseId}/Tasks?pageSize=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("RATE_LIMIT_REACHED", FakeApiSession.ErrorType(body));
        Assert.Equal("Rate limit exceeded. Please try again later", body.GetProperty("error").GetProperty("message").GetString());
        var lockedAt = time.GetUtcNow();

        // Requests during the penalty are refused and do not extend it.
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await fake.GetAsync($"/v0/meta/bases/{baseId}/tables")).Status);
        time.Advance(TimeSpan.FromSeconds(19.9));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await fake.GetAsync($"/v0/{baseId}/Tasks?pageSize=1")).Status);
        Assert.Equal(lockedAt + TimeSpan.FromSeconds(30), fake.State.RateLimiter.BaseLockedUntil(baseId, time.GetUtcNow()));
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync($"/v0/{baseId}/Tasks?pageSize=1")).Status);
    }

    [Fact]
    public async Task TheWindowSlidesSoRequestsOneSecondApartAreAdmitted()
    {
        var (fake, time, baseId) = await StartAsync();
        await using var lifetime = fake;
        for (var second = 0; second < 3; second++)
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync($"/v0/{baseId}/Tasks?pageSize=1")).Status);
            }
            time.Advance(TimeSpan.FromSeconds(1));
        }
        var statuses = fake.State.RequestLog.Entries.Select(e => e.StatusCode).ToList();
        Assert.Equal(15, statuses.Count(s => s == 200));
    }

    [Fact]
    public async Task OtherBasesKeepWorkingWhileOneBaseIsLocked()
    {
        var (fake, _, baseId) = await StartAsync();
        await using var lifetime = fake;
        for (var i = 0; i < 6; i++)
        {
            await fake.GetAsync($"/v0/{baseId}/Tasks?pageSize=1");
        }
        var other = fake.State.Workspace.GetBases()[1].Id;
        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync($"/v0/{other}/Tickets?pageSize=1")).Status);
        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync("/v0/meta/whoami")).Status);
    }

    [Fact]
    public async Task ThePerUserLimitSpansAllBasesAndLocksTheUser()
    {
        var (fake, time, _) = await StartAsync(o => (o.RequestsPerSecondPerToken, o.RateLimitPenalty) = (3, TimeSpan.FromSeconds(5)));
        await using var lifetime = fake;
        var bases = fake.State.Workspace.GetBases();
        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync($"/v0/meta/bases/{bases[0].Id}/tables")).Status);
        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync($"/v0/meta/bases/{bases[1].Id}/tables")).Status);
        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync("/v0/meta/whoami")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await fake.GetAsync($"/v0/meta/bases/{bases[2].Id}/tables")).Status);
        Assert.Null(fake.State.RateLimiter.BaseLockedUntil(bases[2].Id, time.GetUtcNow()));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync($"/v0/meta/bases/{bases[2].Id}/tables")).Status);
    }

    [Fact]
    public async Task NoRequestIsAdmittedInsideThePenaltyAccordingToTheRequestLog()
    {
        var (fake, time, baseId) = await StartAsync(o => o.RateLimitPenalty = TimeSpan.FromSeconds(2));
        await using var lifetime = fake;
        for (var i = 0; i < 40; i++)
        {
            await fake.GetAsync($"/v0/{baseId}/Tasks?pageSize=1");
            time.Advance(TimeSpan.FromMilliseconds(100));
        }
        var log = fake.State.RequestLog.Entries;
        var firstRefusal = log.First(e => e.StatusCode == 429).Time;
        Assert.DoesNotContain(log, e => e.StatusCode == 200 && e.Time >= firstRefusal && e.Time < firstRefusal + TimeSpan.FromSeconds(2));
        Assert.All(log, e => Assert.Equal(FakeRequestLog.TokenIdOf(FakeApiSession.TestToken), e.TokenId));
        Assert.All(log, e => Assert.Equal(baseId, e.BaseId));
    }

    [Fact]
    public async Task TheBillingSwitchBlocksDataEndpointsButNotMetaEndpoints()
    {
        var (fake, _, baseId) = await StartAsync();
        await using var lifetime = fake;
        fake.State.BillingLimitExceeded = true;
        var (status, body) = await fake.GetAsync($"/v0/{baseId}/Tasks?pageSize=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("PUBLIC_API_BILLING_LIMIT_EXCEEDED", FakeApiSession.ErrorType(body));
        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync("/v0/meta/bases")).Status);
        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync($"/v0/meta/bases/{baseId}/tables")).Status);
        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync("/v0/meta/whoami")).Status);

        fake.State.BillingLimitExceeded = false;
        Assert.Equal(HttpStatusCode.OK, (await fake.GetAsync($"/v0/{baseId}/Tasks?pageSize=1")).Status);
    }
}
