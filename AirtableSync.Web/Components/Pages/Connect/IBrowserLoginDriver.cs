using AirtableSync.WebSession;

namespace AirtableSync.Web.Components.Pages.Connect;

/// <summary>
/// What the wizard asks of a browser login. A seam so the wizard's steps can be exercised in bUnit
/// without a real Chromium run (which takes seconds per step); the app uses <see cref="CoordinatorBrowserLoginDriver"/>.
/// </summary>
public interface IBrowserLoginDriver
{
    Task<BrowserLoginStatus> StartAsync(string email, string password, CancellationToken cancellationToken);

    Task<BrowserLoginStatus> SubmitCodeAsync(string loginId, string code, CancellationToken cancellationToken);

    Task CancelAsync(string loginId);

    BrowserLoginStatus? GetStatus(string loginId);

    /// <summary>The login still running for this app's web session (started by any circuit), or null.</summary>
    BrowserLoginStatus? FindUnfinished();

    /// <summary>A picture of the page while a challenge is handed over; InvalidOperationException otherwise.</summary>
    Task<BrowserScreen> CaptureScreenAsync(string loginId, CancellationToken cancellationToken);

    /// <summary>Pointer input at page coordinates while a challenge is handed over; InvalidOperationException otherwise.</summary>
    Task SendPointerAsync(string loginId, BrowserPointerInput input, CancellationToken cancellationToken);
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

    public BrowserLoginStatus? GetStatus(string loginId) => coordinator.GetStatus(loginId);

    public BrowserLoginStatus? FindUnfinished() => coordinator.FindUnfinished();

    // The picture shows Airtable's login pages and the pointer acts in them: admins only, like the rest of the login.
    public async Task<BrowserScreen> CaptureScreenAsync(string loginId, CancellationToken cancellationToken)
    {
        await currentUser.RequireAdminAsync(cancellationToken);
        return await coordinator.CaptureScreenAsync(loginId, cancellationToken);
    }

    public async Task SendPointerAsync(string loginId, BrowserPointerInput input, CancellationToken cancellationToken)
    {
        await currentUser.RequireAdminAsync(cancellationToken);
        await coordinator.SendPointerAsync(loginId, input, cancellationToken);
    }
}
