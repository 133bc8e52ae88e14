namespace AirtableSync.Web.Components.Pages.Jobs;

public static class JobsPageServiceCollectionExtensions
{
    /// <summary>The Jobs page's actions (one per circuit: they talk to the user's snackbar).</summary>
    public static IServiceCollection AddJobsPage(this IServiceCollection services) => services.AddScoped<JobActions>().AddScoped<SyncReadiness>();
}
