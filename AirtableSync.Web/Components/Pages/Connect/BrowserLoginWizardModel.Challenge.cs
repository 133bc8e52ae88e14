using AirtableSync.WebSession;

namespace AirtableSync.Web.Components.Pages.Connect;

public sealed partial class BrowserLoginWizardModel
{
    // Set only while a challenge is handed over.
    public BrowserScreen? Screen { get; private set; }

    // A data URL, so no endpoint or cookie is involved.
    public string? ScreenSource => Screen is { } screen ? $"data:{screen.ContentType};base64,{Convert.ToBase64String(screen.Image)}" : null;

    // Follows the login's status (it continues by itself once the challenge is passed) and takes a fresh picture;
    // false when the step is over and refreshing should stop.
    public async Task<bool> RefreshScreenAsync(CancellationToken cancellationToken)
    {
        if (Step != WizardStep.Challenge || Status is not { } shown)
        {
            return false;
        }
        if (driver.GetStatus(shown.Id) is { } current && current != shown)
        {
            Apply(current);
            if (Step != WizardStep.Challenge)
            {
                return false;
            }
        }
        try
        {
            Screen = await driver.CaptureScreenAsync(shown.Id, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
        {
            // The page is changing under the challenge (passed, timed out); the next tick reads the new status.
            logger.LogDebug("No picture of browser login {LoginId} this time: {Reason}", shown.Id, e.Message);
        }
        return true;
    }

    // The picture is shown at shownWidth × shownHeight CSS pixels; the offsets are mapped to the page's coordinates.
    public async Task PointerAsync(BrowserPointerAction action, double offsetX, double offsetY, double shownWidth, double shownHeight, CancellationToken cancellationToken)
    {
        if (Step != WizardStep.Challenge || Status is not { } status || Screen is not { } screen || shownWidth <= 0 || shownHeight <= 0)
        {
            return;
        }
        var x = Math.Clamp(offsetX * screen.Width / shownWidth, 0, screen.Width);
        var y = Math.Clamp(offsetY * screen.Height / shownHeight, 0, screen.Height);
        try
        {
            await driver.SendPointerAsync(status.Id, new BrowserPointerInput(action, x, y), cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or ArgumentOutOfRangeException)
        {
            // The challenge ended between the picture and the press; the refresh shows what came next.
            logger.LogDebug("Pointer input for browser login {LoginId} not delivered: {Reason}", status.Id, e.Message);
        }
    }
}

public sealed record ShownSize(double Width, double Height);
