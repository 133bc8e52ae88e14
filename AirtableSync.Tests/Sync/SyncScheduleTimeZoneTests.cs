using AirtableSync.Jobs;
using AirtableSync.Sync;

namespace AirtableSync.Tests.Sync;

/// <summary>Crons read in the schedule's zone, through the real trigger and store.</summary>
public sealed class SyncScheduleTimeZoneTests : SchedulerWorld
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task NightlyCronInParisFiresAtOneUtcInSummer()
    {
        await ScheduleAsync(new SyncSchedule(null, "0 3 * * *", "Europe/Paris"));
        var summer = Utc(2027, 7, 15, 1);

        var job = await TriggerAsync(summer.AddSeconds(-15), summer.AddSeconds(15));

        Assert.NotNull(job);
        Assert.Equal(SyncMode.Full, ModeOf(job));
        Assert.Equal(summer, SyncSchedule.NextAfter("0 3 * * *", Paris, Utc(2027, 7, 14, 12)));
    }

    [Fact]
    public async Task NightlyCronInParisFiresAtTwoUtcInWinter()
    {
        await ScheduleAsync(new SyncSchedule(null, "0 3 * * *", "Europe/Paris"));
        var winter = Utc(2027, 1, 15, 2);

        Assert.Null(await TriggerAsync(winter.AddHours(-1).AddSeconds(-15), winter.AddHours(-1).AddSeconds(15)));
        var job = await TriggerAsync(winter.AddSeconds(-15), winter.AddSeconds(15));

        Assert.NotNull(job);
        Assert.Equal(SyncMode.Full, ModeOf(job));
    }

    [Fact]
    public void TimeSkippedBySpringForwardRunsRightAfterTheChange()
    {
        // 28 March 2027, Paris: 02:00 local jumps to 03:00 (01:00 UTC), so 02:30 never happens that night.
        Assert.Equal(Utc(2027, 3, 28, 1), SyncSchedule.NextAfter("30 2 * * *", Paris, Utc(2027, 3, 27, 12)));
    }

    [Fact]
    public async Task UnknownTimeZoneIsRefusedByTheStoreWithItsMessage()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => ScheduleAsync(new SyncSchedule("*/15 * * * *", null, "Mars/Olympus")));

        Assert.StartsWith("\"Mars/Olympus\" is not a time zone this server knows.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(SyncSchedule.Off, await WithSchedulesAsync(s => s.GetAsync(Token)));
    }

    [Fact]
    public async Task ScheduleSavedBeforeTimeZonesExistedLoadsAsUtc()
    {
        await Store.SaveCheckpointAsync("settings", "sync-schedule", """{"IncrementalCron":null,"FullCron":"0 3 * * *"}""", Nine, Token);

        var saved = await WithSchedulesAsync(s => s.GetSavedAsync(Token));

        Assert.Equal(new SyncSchedule(null, "0 3 * * *", "UTC"), saved.Schedule);
        Assert.Null(saved.SavedAt);
        var night = Utc(2026, 11, 29, 3);
        Assert.Equal(SyncMode.Full, ModeOf(await TriggerAsync(night.AddSeconds(-15), night.AddSeconds(15)) ?? throw new InvalidOperationException("Not queued.")));
    }

    [Fact]
    public async Task EmptyTimeZoneIsSavedAsUtc()
    {
        await ScheduleAsync(new SyncSchedule(null, "0 3 * * *", " "));

        Assert.Equal("UTC", (await WithSchedulesAsync(s => s.GetAsync(Token))).TimeZone);
    }
}
