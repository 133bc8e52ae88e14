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

    /// <summary>A picture of the page while a challenge is handed over; InvalidOperationException otherwise.</summary>
    Task<BrowserScreen> CaptureScreenAsync(string loginId, CancellationToken cancellationToken);

    /// <summary>Pointer input at page coordinates while a challenge is handed over; InvalidOperationException otherwise.</summary>
    Task SendPointerAsync(string loginId, BrowserPointerInput input, CancellationToken cancellationToken);
}

public sealed class CoordinatorBrowserLoginDriver(BrowserLoginCoordinator coordinator) : IBrowserLoginDriver
{
    public Task<BrowserLoginStatus> StartAsync(string email, string password, CancellationToken cancellationToken) =>
        coordinator.StartAsync(email, password, cancellationToken);

    public Task<BrowserLoginStatus> SubmitCodeAsync(string loginId, string code, CancellationToken cancellationToken) =>
        coordinator.SubmitCodeAsync(loginId, code, cancellationToken);

    public Task CancelAsync(string loginId) => coordinator.CancelAsync(loginId);

    public BrowserLoginStatus? GetStatus(string loginId) => coordinator.GetStatus(loginId);

    public Task<BrowserScreen> CaptureScreenAsync(string loginId, CancellationToken cancellationToken) =>
        coordinator.CaptureScreenAsync(loginId, cancellationToken);

    public Task SendPointerAsync(string loginId, BrowserPointerInput input, CancellationToken cancellationToken) =>
        coordinator.SendPointerAsync(loginId, input, cancellationToken);
}
