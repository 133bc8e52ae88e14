using System.Text.Json;
using AirtableSync.Storage;

namespace AirtableSync.Sync;

// The saved schedule and when the admin saved it (null for a document saved before that was recorded).
public sealed record SavedSyncSchedule(SyncSchedule Schedule, DateTimeOffset? SavedAt);

// The schedule lives in the store as a settings document, so it is changed in the UI and survives restarts.
// Beside it, the scheduler's last checked instant, so times that pass while the app is down are caught up.
public sealed class SyncScheduleStore(ICheckpointStore store, TimeProvider time)
{
    private const string Scope = "settings";
    private const string Key = "sync-schedule";
    private const string LastCheckedKey = "sync-scheduler-last-checked";

    // The saved schedule; off until the admin saves one.
    public async Task<SyncSchedule> GetAsync(CancellationToken cancellationToken) =>
        (await GetSavedAsync(cancellationToken)).Schedule;

    public async Task<SavedSyncSchedule> GetSavedAsync(CancellationToken cancellationToken)
    {
        var json = await store.GetCheckpointAsync(Scope, Key, cancellationToken);
        return json is not null && JsonSerializer.Deserialize<ScheduleDocument>(json) is { } saved
            ? new(new SyncSchedule(saved.IncrementalCron, saved.FullCron, saved.TimeZone ?? SyncSchedule.Utc), saved.SavedAt)
            : new(SyncSchedule.Off, null);
    }

    /// <returns>The schedule as stored: crons trimmed (empty ones off), the zone in the system's spelling.</returns>
    /// <exception cref="ArgumentException">An expression does not parse or the zone is unknown; nothing was saved.</exception>
    public async Task<SyncSchedule> SaveAsync(SyncSchedule schedule, CancellationToken cancellationToken)
    {
        if (schedule.FindProblem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(schedule));
        }
        var now = time.GetUtcNow();
        var zone = SyncSchedule.FindZone(schedule.TimeZone)?.Id ?? SyncSchedule.Utc;
        var document = new ScheduleDocument(Normalize(schedule.IncrementalCron), Normalize(schedule.FullCron), zone, now);
        await store.SaveCheckpointAsync(Scope, Key, JsonSerializer.Serialize(document), now, cancellationToken);
        return new SyncSchedule(document.IncrementalCron, document.FullCron, zone);
    }

    // The end of the last window the scheduler checked; null before its first tick ever.
    public async Task<DateTimeOffset?> GetLastCheckedAsync(CancellationToken cancellationToken) =>
        await store.GetCheckpointAsync(Scope, LastCheckedKey, cancellationToken) is { } json
            ? JsonSerializer.Deserialize<DateTimeOffset>(json)
            : null;

    public Task SaveLastCheckedAsync(DateTimeOffset checkedUntil, CancellationToken cancellationToken) =>
        store.SaveCheckpointAsync(Scope, LastCheckedKey, JsonSerializer.Serialize(checkedUntil), time.GetUtcNow(), cancellationToken);

    private static string? Normalize(string? cron) => string.IsNullOrWhiteSpace(cron) ? null : cron.Trim();

    // The stored JSON. Documents written before time zones and catch-up lack TimeZone (read as UTC) and SavedAt.
    private sealed record ScheduleDocument(string? IncrementalCron, string? FullCron, string? TimeZone, DateTimeOffset? SavedAt);
}
