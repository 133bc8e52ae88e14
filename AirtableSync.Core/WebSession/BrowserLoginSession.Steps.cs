using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace AirtableSync.WebSession;

public sealed partial class BrowserLoginSession
{
    private async Task<BrowserLoginStatus> StepAsync(string step, Func<Task<BrowserLoginStatus>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Status.IsFinished)
            {
                throw new InvalidOperationException($"This login has finished ({Status.State}).");
            }
            using var cancel = cancellationToken.Register(() => _ = CancelAsync());
            return await action();
        }
        catch (VirtualDisplayException e) when (!Status.IsFinished)
        {
            // Written for the admin (install xvfb or go headless); it names no secret.
            logger.LogWarning("Browser login {LoginId} could not {Step}: {Reason}", Id, step, e.Message);
            return await FinishAsync(BrowserLoginState.Failed, e.Message);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException && !Status.IsFinished)
        {
            // Playwright's messages may echo what was typed in their call logs: log only the kind and the step.
            logger.LogWarning("Browser login {LoginId} could not {Step}: {ErrorType}", Id, step, e.GetType().Name);
            var reason = e is TimeoutException ? "timed out" : "the browser failed";
            return await FinishAsync(BrowserLoginState.Failed, $"Could not {step}: {reason}.");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException && Status.IsFinished)
        {
            // The browser was closed under the step by a cancel or a timeout; that outcome stands.
            return Status;
        }
        catch (Exception e) when (e is not (InvalidOperationException or ArgumentException or OperationCanceledException or PlaywrightException or TimeoutException or VirtualDisplayException))
        {
            // Anything unforeseen: the browser must not outlive the failure.
            await FinishAsync(BrowserLoginState.Failed, $"Could not {step}: unexpected error.");
            throw;
        }
        finally
        {
            // A cancel or timeout may land mid-launch, before the browser was known; whatever finished, it closes.
            if (Status.IsFinished)
            {
                await CloseBrowserAsync();
            }
            _gate.Release();
        }
    }

    private async Task<LoginScreenReading> SubmitFieldAsync(IPage page, LoginScreenReading current, string selector, string value)
    {
        var mark = await LoginScreenReader.MarkAsync(page);
        await HumanTyping.TypeAsync(page.Locator(selector), value, options);
        await page.Locator("button[type=\"submit\"]").First.ClickAsync();
        return await NextScreenAsync(page, current, mark);
    }

    private Task<LoginScreenReading> NextScreenAsync(IPage page, LoginScreenReading? previous, string? mark) =>
        LoginScreenReader.WaitForNextAsync(page, previous, mark, options.StepTimeout);

    private async Task<BrowserLoginStatus> SettleAsync(LoginScreenReading screen)
    {
        _screen = screen;
        switch (screen.Screen)
        {
            case LoginScreen.Mfa:
                StartPersonTimer();
                return Publish(Status with { State = BrowserLoginState.AwaitingMfa, Message = "Enter the code from your authenticator app." });
            case LoginScreen.EmailCode:
                StartPersonTimer();
                return Publish(Status with { State = BrowserLoginState.AwaitingEmailCode, Message = "Airtable sent a verification code by e-mail; enter it." });
            case LoginScreen.Challenge:
                return await HandOverChallengeAsync(screen);
            case LoginScreen.Error:
                return await FinishAsync(BrowserLoginState.Failed, screen.Notice ?? "Airtable rejected the email or password.");
            case LoginScreen.SsoOnly:
                return await FinishAsync(BrowserLoginState.Failed, "This Airtable account signs in with SSO only; password login is not possible for it.");
            case LoginScreen.SignedIn when _browser is not null:
                CapturedSession = await WebSessionCapture.CaptureAsync(_browser, webBaseUrl, timeProvider.GetUtcNow());
                if (CapturedSession.AirtableUserId is null)
                {
                    return await FinishAsync(BrowserLoginState.Failed, "Signed in, but the page did not name the user.");
                }
                return await FinishAsync(BrowserLoginState.Connected, "Connected.", CapturedSession.AirtableUserId);
            default:
                return await FinishAsync(BrowserLoginState.Failed, $"Unexpected login screen ({screen.Screen}).");
        }
    }

    // Types whatever the first screens ask for (email, then password) and settles on the screen after them.
    private async Task<BrowserLoginStatus> ContinueLoginAsync(IPage page, LoginScreenReading screen)
    {
        if (screen.Screen == LoginScreen.Email && Email is { } email)
        {
            screen = await SubmitFieldAsync(page, screen, "input[name=\"email\"]", email);
        }
        if (screen.Screen == LoginScreen.Password && _password is { } password)
        {
            screen = await SubmitFieldAsync(page, screen, "input[name=\"password\"]", password);
        }
        return await SettleAsync(screen);
    }

    private async Task<BrowserLoginStatus> FinishAsync(BrowserLoginState state, string message, string? userId = null)
    {
        StopPersonTimer();
        _password = null;
        if (Status.IsFinished)
        {
            return Status;
        }
        var status = Publish(Status with { State = state, Message = message, AirtableUserId = userId });
        await CloseBrowserAsync();
        return status;
    }

    private BrowserLoginStatus Publish(BrowserLoginStatus status)
    {
        if (status.State != BrowserLoginState.Challenge)
        {
            status = status with { HandedOver = false };
        }
        Volatile.Write(ref _status, status);
        logger.LogInformation("Browser login {LoginId} is {State}", Id, status.State);
        StatusChanged?.Invoke(status);
        return status;
    }

    private void StartPersonTimer()
    {
        StopPersonTimer();
        _personTimer = timeProvider.CreateTimer(_ => _ = OnPersonTimeoutAsync(), null, options.MfaTimeout, Timeout.InfiniteTimeSpan);
    }

    private void StopPersonTimer() => Interlocked.Exchange(ref _personTimer, null)?.Dispose();

    private async Task OnPersonTimeoutAsync()
    {
        var waitedFor = Status.State == BrowserLoginState.Challenge ? "the challenge to be solved" : "the code";
        await FinishAsync(BrowserLoginState.Failed, $"The login timed out after {options.MfaTimeout.TotalMinutes:0.#} min waiting for {waitedFor}.");
    }

    private async Task CloseBrowserAsync()
    {
        if (Interlocked.Exchange(ref _browser, null) is { } browser)
        {
            await browser.DisposeAsync();
        }
    }
}
