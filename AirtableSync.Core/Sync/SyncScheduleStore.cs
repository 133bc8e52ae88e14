using System.Text.Json;
using AirtableSync.Storage;

namespace AirtableSync.Sync;

/// <summary>The schedule lives in the store as a settings document, so it is changed in the UI and survives restarts.</summary>
public sealed class SyncScheduleStore(ISyncStore store, TimeProvider time)
{
    private const string Scope = "settings";
    private const string Key = "sync-schedule";

    /// <summary>The saved schedule; off until the admin saves one.</summary>
    public async Task<SyncSchedule> GetAsync(CancellationToken cancellationToken)
    {
        var json = await store.GetCheckpointAsync(Scope, Key, cancellationToken);
        return json is not null && JsonSerializer.Deserialize<SyncSchedule>(json) is { } saved ? saved : SyncSchedule.Off;
    }

    /// <exception cref="ArgumentException">An expression does not parse; nothing was saved.</exception>
    public Task SaveAsync(SyncSchedule schedule, CancellationToken cancellationToken)
    {
        if ((SyncSchedule.Check(schedule.IncrementalCron) ?? SyncSchedule.Check(schedule.FullCron)) is { } problem)
        {
            throw new ArgumentException(problem, nameof(schedule));
        }
        var normalized = new SyncSchedule(Normalize(schedule.IncrementalCron), Normalize(schedule.FullCron));
        return store.SaveCheckpointAsync(Scope, Key, JsonSerializer.Serialize(normalized), time.GetUtcNow(), cancellationToken);
    }

    private static string? Normalize(string? cron) => string.IsNullOrWhiteSpace(cron) ? null : cron.Trim();
}
