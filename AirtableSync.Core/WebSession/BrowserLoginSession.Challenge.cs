using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace AirtableSync.WebSession;

// The bot challenge (docs/airtable/revision-history.md §6: PerimeterX "press and hold"). Headless, the browser closes and the admin
// is told to go headful. Headful, the browser stays open for a person until the person timeout: the admin sees its
// page as a picture in the wizard and presses on it (pointer input forwarded to the page's mouse); once the page
// leaves the challenge the login carries on by itself, from the email/password form to MFA.
public sealed partial class BrowserLoginSession
{
    private Task? _challengeWatch;
    private volatile bool _continuing;
    private bool _pointerDown;

    // The app-started Xvfb's process while the browser runs on one (tests check it is never left behind).
    public int? VirtualDisplayProcessId => _browser?.Display?.ProcessId;

    // The open page, for tests that must find where on it to press (as the admin does by eye).
    internal IPage? Page => _browser?.Page;

    /// <summary>A picture of the page while a challenge is handed over to the admin.</summary>
    /// <exception cref="InvalidOperationException">No challenge is handed over (or the browser has closed).</exception>
    public async Task<BrowserScreen> CaptureScreenAsync(CancellationToken cancellationToken)
    {
        var page = HandedOverPage();
        try
        {
            // JPEG: a 1280×720 page is ~30–60 KB, small enough to refresh twice a second over a Blazor circuit.
            // A short timeout: a page mid-navigation may not paint for a while, and the next refresh is half a second away.
            var image = await page.ScreenshotAsync(new() { Type = ScreenshotType.Jpeg, Quality = 70, Timeout = 5_000 }).WaitAsync(cancellationToken);
            var size = page.ViewportSize is { } viewport
                ? new PageSize(viewport.Width, viewport.Height)
                : await page.EvaluateAsync<PageSize>("() => ({ width: innerWidth, height: innerHeight })");
            return new BrowserScreen(image, "image/jpeg", size.Width, size.Height);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // Playwright's timeouts are System.TimeoutException, not PlaywrightException.
            throw new InvalidOperationException("The login browser's page cannot be captured right now (closed or changing).", e);
        }
    }

    /// <summary>Moves, presses or releases the page's mouse at page coordinates, for the admin solving the challenge.</summary>
    /// <exception cref="InvalidOperationException">No challenge is handed over (or the browser has closed).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The point is outside the page.</exception>
    public async Task SendPointerAsync(BrowserPointerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var page = HandedOverPage();
        if (_continuing && input.Action == BrowserPointerAction.Down)
        {
            throw new InvalidOperationException("The challenge is passed; the login is continuing.");
        }
        var size = page.ViewportSize;
        if (input.X < 0 || input.Y < 0 || double.IsNaN(input.X) || double.IsNaN(input.Y) || (size is not null && (input.X > size.Width || input.Y > size.Height)))
        {
            throw new ArgumentOutOfRangeException(nameof(input), "The point is outside the page.");
        }
        try
        {
            await page.Mouse.MoveAsync((float)input.X, (float)input.Y).WaitAsync(cancellationToken);
            if (input.Action == BrowserPointerAction.Down && !_pointerDown)
            {
                _pointerDown = true;
                await page.Mouse.DownAsync();
            }
            else if (input.Action == BrowserPointerAction.Up && _pointerDown)
            {
                _pointerDown = false;
                await page.Mouse.UpAsync();
            }
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException("The login browser did not take the pointer input (closed or changing).", e);
        }
    }

    private IPage HandedOverPage() =>
        Status is { State: BrowserLoginState.Challenge, HandedOver: true } && _browser is { } browser
            ? browser.Page
            : throw new InvalidOperationException("This login is not waiting for a person to solve a challenge.");

    private async Task<BrowserLoginStatus> HandOverChallengeAsync(LoginScreenReading screen)
    {
        if (options.Headless || _browser is not { } browser)
        {
            // Headless Chromium is what gets challenged most (§6) and nobody can act in it; the profile is kept.
            await CloseBrowserAsync();
            return Publish(Status with
            {
                State = BrowserLoginState.Challenge,
                HandedOver = false,
                Message = "Airtable asked to verify you are human. Set Browser:Headless=false (the app then shows the browser to you here), then log in again.",
            });
        }
        var mark = await LoginScreenReader.MarkAsync(browser.Page);
        if (Status is not { State: BrowserLoginState.Challenge, HandedOver: true })
        {
            // One person timeout for the whole challenge, however many presses it takes.
            StartPersonTimer();
        }
        _continuing = false;
        _challengeWatch = WatchChallengeAsync(browser, screen, mark);
        return Publish(Status with
        {
            State = BrowserLoginState.Challenge,
            HandedOver = true,
            Message = "Airtable asked to verify you are human: press and hold the button in the picture until it completes. The login then continues by itself."
                + (screen.Notice is { } notice ? $" Airtable says: {notice}" : ""),
        });
    }

    // Waits in the page for it to leave this challenge (a person passed it, or failed and got a new one), then carries on.
    private async Task WatchChallengeAsync(LaunchedBrowser browser, LoginScreenReading challenge, string mark)
    {
        LoginScreenReading next;
        try
        {
            // No Playwright timeout: the person timer ends this wait by closing the browser.
            next = await LoginScreenReader.WaitForNextAsync(browser.Page, challenge, mark, TimeSpan.Zero);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            return;
        }
        _continuing = true;
        try
        {
            await StepAsync("continue after the challenge", async () =>
            {
                if (Status.State != BrowserLoginState.Challenge || !ReferenceEquals(_browser, browser))
                {
                    return Status;
                }
                if (_pointerDown)
                {
                    // The hold that passed the challenge ends here; a release arriving later is not needed.
                    _pointerDown = false;
                    await browser.Page.Mouse.UpAsync();
                }
                try
                {
                    return await ContinueLoginAsync(browser.Page, next);
                }
                finally
                {
                    ForgetPasswordUnlessHandedOver();
                }
            }, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // The login finished (timeout, cancel) while the page was changing.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // StepAsync has already failed the login and closed the browser; nobody awaits this task to see it.
            logger.LogError(e, "Browser login {LoginId} could not continue after the challenge", Id);
        }
    }

    private void ForgetPasswordUnlessHandedOver()
    {
        if (Status is not { State: BrowserLoginState.Challenge, HandedOver: true })
        {
            _password = null;
        }
    }

    private sealed record PageSize(int Width, int Height);
}
