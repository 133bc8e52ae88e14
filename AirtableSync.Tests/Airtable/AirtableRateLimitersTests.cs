using System.Globalization;
using AirtableSync.Airtable;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Airtable;

/// <summary>
/// The limiter's schedule on a fake clock. Callers with unlimited demand are simulated event by event: the
/// clock jumps to the next caller's retry time, exactly as <see cref="AirtableRateLimiters.AcquireAsync"/>'s
/// delay would end, so the results are exact and need no sleeping. The async path is measured for real against
/// the fake Airtable in <see cref="AirtableRateLimitingTests"/>.
/// </summary>
public class AirtableRateLimitersTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public void LimiterNeverGrantsMoreThanFivePerSecondPerBaseYetSustainsAboveFourPointEight()
    {
        var time = new FakeTimeProvider(Start);
        var grants = Simulate(Create(time), time, [.. Enumerable.Repeat(("appBaseA", "token"), 8)], TimeSpan.FromSeconds(60));

        var all = grants.SelectMany(g => g).Order().ToArray();
        AssertAtMostPerSecond(all, 5);
        var rate = (all.Length - 1) / (all[^1] - all[0]).TotalSeconds;
        Assert.InRange(rate, 4.8, 5.0);
    }

    [Fact]
    public void TokenLimitSpansAllBasesOfThatToken()
    {
        var time = new FakeTimeProvider(Start);
        var limiters = Create(time, perToken: 10);
        var grants = Simulate(limiters, time, [.. Enumerable.Range(0, 6).Select(b => ($"app{b}", "token"))], TimeSpan.FromSeconds(20));

        var all = grants.SelectMany(g => g).Order().ToArray();
        AssertAtMostPerSecond(all, 10);
        Assert.InRange((all.Length - 1) / (all[^1] - all[0]).TotalSeconds, 9.6, 10.0);
        Assert.All(grants, g => AssertAtMostPerSecond([.. g], 5));
    }

    [Fact]
    public void PausedBaseHoldsItsQueuedRequestsWhileAnotherBaseGoesOn()
    {
        var time = new FakeTimeProvider(Start);
        var limiters = Create(time);
        var pausedUntil = limiters.Pause("appPaused", "token", TimeSpan.FromSeconds(30));

        var grants = Simulate(limiters, time, [("appPaused", "token"), ("appPaused", "token"), ("appOther", "token")], TimeSpan.FromSeconds(40));

        Assert.Equal(Start + TimeSpan.FromSeconds(30), pausedUntil);
        Assert.All(grants[0].Concat(grants[1]), g => Assert.True(g >= pausedUntil));
        Assert.NotEmpty(grants[0].Concat(grants[1]));
        Assert.True(grants[2].Count(g => g < pausedUntil) >= 140, "the other base should have gone on at ~5/s during the 30 s pause");
    }

    [Fact]
    public async Task AcquireWaitsOutAPauseSetWhileItIsAlreadyQueued()
    {
        var time = new FakeTimeProvider(Start);
        var limiters = Create(time);
        await limiters.AcquireAsync("appA", "token", TestContext.Current.CancellationToken);
        // Queued behind the spacing (205 ms) when the 429 arrives and pauses the base for 30 s.
        var queued = limiters.AcquireAsync("appA", "token", TestContext.Current.CancellationToken).AsTask();
        var pausedUntil = limiters.Pause("appA", "token", TimeSpan.FromSeconds(30));

        for (var i = 0; i < 400 && !queued.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        Assert.True(await queued >= pausedUntil);
    }

    private static AirtableRateLimiters Create(TimeProvider time, double perToken = 50) =>
        new(Options.Create(new AirtableOptions { RequestsPerSecondPerBase = 5, RequestsPerSecondPerToken = perToken }),
            Options.Create(new AirtableResilienceOptions()),
            time);

    /// <summary>Each caller asks again the moment it is granted (unlimited demand) or when told to wait; the earliest asker goes first.</summary>
    private static List<DateTimeOffset>[] Simulate(AirtableRateLimiters limiters, FakeTimeProvider time, (string Base, string Token)[] callers, TimeSpan duration)
    {
        var grants = callers.Select(_ => new List<DateTimeOffset>()).ToArray();
        var nextAsk = callers.Select(_ => Start).ToArray();
        while (true)
        {
            var caller = Array.IndexOf(nextAsk, nextAsk.Min());
            if (nextAsk[caller] > Start + duration)
            {
                return grants;
            }
            if (nextAsk[caller] > time.GetUtcNow())
            {
                time.SetUtcNow(nextAsk[caller]);
            }
            if (limiters.TryAcquire(callers[caller].Base, callers[caller].Token, out var wait) is { } granted)
            {
                grants[caller].Add(granted);
            }
            else
            {
                nextAsk[caller] = time.GetUtcNow() + wait;
            }
        }
    }

    private static void AssertAtMostPerSecond(DateTimeOffset[] sorted, int limit)
    {
        for (var i = 0; i + limit < sorted.Length; i++)
        {
            // The fake (and, we assume, Airtable) admits a request when fewer than N arrived in (t - 1 s, t].
            Assert.True(sorted[i + limit] - sorted[i] >= TimeSpan.FromSeconds(1), $"grants {i}..{i + limit} fit in one second");
        }
    }
}
