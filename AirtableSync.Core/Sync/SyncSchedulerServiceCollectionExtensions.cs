using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AirtableSync.Sync;

public static class SyncSchedulerServiceCollectionExtensions
{
    /// <summary>
    /// Scheduled syncs. Reads no configuration: the cron expressions and their time zone are edited on the Settings
    /// page and stored as the "settings/sync-schedule" document; the scheduler keeps the instant it last checked in
    /// "settings/sync-scheduler-last-checked" to catch up a run missed while the app was stopped. Needs AddSyncStorage and AddJobs.
    /// </summary>
    public static IServiceCollection AddSyncScheduler(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SyncScheduleStore>();
        services.AddScoped<ScheduledSyncTrigger>();
        services.AddHostedService<SyncScheduler>();
        return services;
    }
}
