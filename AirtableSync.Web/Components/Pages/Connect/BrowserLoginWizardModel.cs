using AirtableSync.WebSession;

namespace AirtableSync.Web.Components.Pages.Connect;

// Challenge shows the login browser's page to the admin (a headful hand-over).
public enum WizardStep { Credentials, Progress, Challenge, Code, Done }

// Driven by the login's status; a failure returns to the step where the admin can act (a rejected code stays on Code).
// A challenge handed over in a headful browser shows its page until solved, then the wizard follows the login to Code.
public sealed partial class BrowserLoginWizardModel(IBrowserLoginDriver driver, int maxCodeAttempts, ILogger logger)
{
    private int _codeAttempts;

    public WizardStep Step { get; private set; } = WizardStep.Credentials;
    public BrowserLoginStatus? Status { get; private set; }
    public string? Error { get; private set; }
    public string? Notice { get; private set; }
    public bool Connected => Status?.State == BrowserLoginState.Connected;
    public bool EmailCode => Status?.State == BrowserLoginState.AwaitingEmailCode;
    public int AttemptsLeft => Math.Max(0, maxCodeAttempts - _codeAttempts);

    // Keyed "email", "password" or "code" and shown on that field: nothing was sent.
    public IReadOnlyDictionary<string, string> FieldErrors { get; private set; } = new Dictionary<string, string>();

    public async Task StartAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        // The REST API's rules (LoginInputRules), so that the wizard and automation refuse the same input.
        FieldErrors = LoginInputRules.Problems(email, password);
        if (FieldErrors.Count > 0 || email is null || password is null)
        {
            Error = string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)
                ? "Enter the Airtable account's email and password."
                : "Correct the marked field; nothing was typed into Airtable.";
            return;
        }
        _codeAttempts = 0;
        await RunAsync(() => driver.StartAsync(email, password, cancellationToken), codeSubmitted: false);
    }

    public async Task SubmitCodeAsync(string? code, CancellationToken cancellationToken)
    {
        if (Status is null)
        {
            Error = "Type the code first.";
            return;
        }
        // A malformed code is not an attempt: Airtable never sees it.
        if (LoginInputRules.NormalizeCode(code) is not { } digits)
        {
            FieldErrors = new Dictionary<string, string> { ["code"] = LoginInputRules.CodeProblem };
            return;
        }
        code = digits;
        FieldErrors = new Dictionary<string, string>();
        _codeAttempts++;
        var loginId = Status.Id;
        await RunAsync(() => driver.SubmitCodeAsync(loginId, code, cancellationToken), codeSubmitted: true);
    }

    public async Task CancelAsync()
    {
        if (Status is { IsFinished: false } status)
        {
            await driver.CancelAsync(status.Id);
        }
        Reset();
    }

    public const string TakenUpNotice = "A login started earlier is still running: continue it here, or cancel it to start again.";

    // Opens the wizard on a login already running (after a reload, or from another tab), if there is one.
    public void Reattach()
    {
        if (driver.FindUnfinished() is { } running)
        {
            TakeUp(running);
        }
    }

    // For a login this wizard did not start, or whose answer it missed: the login's current step, and a way out.
    public void Refresh()
    {
        if (Status is { IsFinished: false } status && driver.GetStatus(status.Id) is { } current)
        {
            if (current.IsFinished)
            {
                Apply(current);
            }
            else
            {
                TakeUp(current);
            }
        }
    }

    private void TakeUp(BrowserLoginStatus running)
    {
        Apply(running);
        Notice = TakenUpNotice;
    }

    public void Reset()
    {
        Step = WizardStep.Credentials;
        Status = null;
        Error = null;
        Notice = null;
        Screen = null;
        FieldErrors = new Dictionary<string, string>();
        _codeAttempts = 0;
    }

    // Public so each state's rendering can be checked directly.
    public void Apply(BrowserLoginStatus status, bool codeSubmitted = false)
    {
        var previous = Status?.State;
        Status = status;
        Error = null;
        Notice = null;
        if (status is not { State: BrowserLoginState.Challenge, HandedOver: true })
        {
            Screen = null;
        }
        switch (status.State)
        {
            case BrowserLoginState.AwaitingMfa or BrowserLoginState.AwaitingEmailCode:
                Step = WizardStep.Code;
                var rejected = codeSubmitted && previous == status.State;
                if (rejected)
                {
                    Error = $"Airtable did not accept that code. {AttemptsLeft} attempt{(AttemptsLeft == 1 ? "" : "s")} left.";
                }
                else
                {
                    _codeAttempts = 0;
                    Notice = status.Message;
                }
                break;
            case BrowserLoginState.Connected:
                Step = WizardStep.Done;
                break;
            case BrowserLoginState.Challenge when status.HandedOver:
                Step = WizardStep.Challenge;
                Notice = status.Message;
                break;
            case BrowserLoginState.Challenge:
                Step = WizardStep.Credentials;
                Error = "Airtable wants to verify you are human. Set Browser:Headless=false and log in again: the wizard then shows you the browser's page to solve it.";
                break;
            case BrowserLoginState.Failed:
                Step = WizardStep.Credentials;
                Error = Describe(status);
                break;
            case BrowserLoginState.Cancelled:
                Step = WizardStep.Credentials;
                Notice = "The login was cancelled.";
                break;
            default:
                Step = WizardStep.Progress;
                break;
        }
    }

    private async Task RunAsync(Func<Task<BrowserLoginStatus>> step, bool codeSubmitted)
    {
        var back = Step;
        Step = WizardStep.Progress;
        Error = null;
        try
        {
            Apply(await step(), codeSubmitted);
        }
        catch (BrowserLoginInProgressException e)
        {
            if (e.RunningLoginId is { } id && driver.GetStatus(id) is { IsFinished: false } running)
            {
                TakeUp(running);
            }
            else
            {
                Step = back;
                Error = "Another browser login is still running; finish or cancel it first.";
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Step = back;
            logger.LogError(e, "Browser login step failed unexpectedly");
            Error = "The browser login could not continue. The error was logged; start again in a moment.";
        }
    }

    private static bool IsTimeout(BrowserLoginStatus status) =>
        status.Message?.Contains("timed out", StringComparison.OrdinalIgnoreCase) == true;

    // The coordinator's messages are written for people; the common cases get a sharper one.
    private static string Describe(BrowserLoginStatus status) =>
        IsTimeout(status) && status.Message?.Contains("challenge", StringComparison.OrdinalIgnoreCase) == true
            ? "The login timed out while waiting for the challenge to be solved. Start again and press and hold within the time limit."
        : IsTimeout(status) ? "The login timed out while waiting for the code. Start again and type the code within the time limit."
        : status.Message?.Contains("email or password", StringComparison.OrdinalIgnoreCase) == true ? "Airtable rejected the email or password. Check them and try again."
        : status.Message?.Contains("rejected", StringComparison.OrdinalIgnoreCase) == true ? "The code was rejected too many times. Start the login again."
        : status.Message ?? "The login failed. Start again.";
}
