using AirtableSync.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AirtableSync.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// The background job system. Needs an <see cref="IJobStore"/> singleton (AddSyncStorage) whose schema is initialized
    /// before hosted services start (register the store first). Reads:
    /// <code>
    /// "Jobs": {
    ///   "QueueCapacity": 100,
    ///   "MaxConcurrentJobs": 2,
    ///   "ProgressPersistInterval": "00:00:01",
    ///   "ProgressRateWindow": "00:00:30"
    /// }
    /// </code>
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<JobProgressNotifier>();
        services.AddSingleton<JobWaiter>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<JobCancellation>();
        services.AddSingleton<JobResumption>();
        services.AddSingleton<JobExecutor>();
        services.AddSingleton<JobStartupRecovery>();
        // Order matters: hosted services start in registration order, and recovery must precede the runner.
        services.AddHostedService(sp => sp.GetRequiredService<JobStartupRecovery>());
        services.AddHostedService<JobRunner>();
        return services;
    }

    // Registers the handler that runs jobs of kind; one DI scope per job.
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, JobKind kind)
        where THandler : class, IJobHandler
    {
        services.AddKeyedScoped<IJobHandler, THandler>(kind);
        return services;
    }
}
