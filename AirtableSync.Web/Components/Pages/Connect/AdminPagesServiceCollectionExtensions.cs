using AirtableSync.Web.Components.Pages.Settings;
using AirtableSync.Web.Components.Shared;

namespace AirtableSync.Web.Components.Pages.Connect;

public static class AdminPagesServiceCollectionExtensions
{
    /// <summary>
    /// The admin's pages (Connect, Settings). Needs AddAirtableConnections, AddWebSession, AddRevisions and AddSync.
    /// Reads no configuration of its own: the pages show Airtable, Airtable:OAuth, Browser and Revisions read-only.
    /// </summary>
    public static IServiceCollection AddAdminPages(this IServiceCollection services)
    {
        services.AddSingleton<ConnectionChanges>();
        services.AddScoped<ConnectActions>();
        services.AddScoped<IBrowserLoginDriver, CoordinatorBrowserLoginDriver>();
        services.AddScoped<SettingsActions>();
        return services;
    }
}
