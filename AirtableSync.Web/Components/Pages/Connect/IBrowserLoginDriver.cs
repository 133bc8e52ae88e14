using AirtableSync.WebSession;

namespace AirtableSync.Web.Components.Pages.Connect;

/// <summary>
/// The three things the wizard asks of a browser login. A seam so the wizard's steps can be exercised in bUnit
/// without a real Chromium run (which takes seconds per step); the app uses <see cref="CoordinatorBrowserLoginDriver"/>.
/// </summary>
public interface IBrowserLoginDriver
{
    Task<BrowserLoginStatus> StartAsync(string email, string password, CancellationToken cancellationToken);

    Task<BrowserLoginStatus> SubmitCodeAsync(string loginId, string code, CancellationToken cancellationToken);

    Task CancelAsync(string loginId);
}

/// <remarks>Admins only: checked before each step, since the wizard's buttons run server code whatever the page showed.</remarks>
public sealed class CoordinatorBrowserLoginDriver(BrowserLoginCoordinator coordinator, AirtableSync.Web.Auth.CurrentUser currentUser) : IBrowserLoginDriver
{
    public async Task<BrowserLoginStatus> StartAsync(string email, string password, CancellationToken cancellationToken)
    {
        await currentUser.RequireAdminAsync(cancellationToken);
        return await coordinator.StartAsync(email, password, cancellationToken);
    }

    public async Task<BrowserLoginStatus> SubmitCodeAsync(string loginId, string code, CancellationToken cancellationToken)
    {
        await currentUser.RequireAdminAsync(cancellationToken);
        return await coordinator.SubmitCodeAsync(loginId, code, cancellationToken);
    }

    public async Task CancelAsync(string loginId)
    {
        await currentUser.RequireAdminAsync();
        await coordinator.CancelAsync(loginId);
    }
}
