using Microsoft.Extensions.Options;

namespace AirtableSync.Web.Auth;

// StartAsync runs after every StartingAsync, so the store is ready when the admin is created.
internal sealed class BootstrapAdminSeeder(LocalAccounts accounts, UserPresence presence, IOptions<AuthOptions> options, ILogger<BootstrapAdminSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value.BootstrapAdmin;
        if (string.IsNullOrWhiteSpace(admin.UserName) || admin.Password is null || await presence.AnyAsync(cancellationToken))
        {
            return;
        }
        if (await accounts.CreateAsync(admin.UserName, null, admin.Password, AppRole.Admin, firstAdminOnly: true, cancellationToken) is { } problem)
        {
            logger.LogWarning("Bootstrap admin not created: {Problem}", problem);
            return;
        }
        // The user name only: the password stays where the operator put it.
        logger.LogInformation("Created the bootstrap admin {UserName} from configuration", admin.UserName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
