using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace AirtableSync.WebSession;

// One browser login on airtable.com (docs/airtable/revision-history.md §5.1): email → Continue → password → Sign in, then
// whatever screen follows — MFA, e-mail code, challenge, error, SSO notice, or the signed-in app. Steps are
// serialised by a gate; a person has BrowserOptions.MfaTimeout to answer; once finished the
// browser is closed, whatever happened. Codes live only in the call that types them; the password lives in memory
// only while a challenge handed over to the admin may still lead back to the password form (then it is dropped).
public sealed partial class BrowserLoginSession(
    string id,
    string connectionId,
    Uri webBaseUrl,
    ChromiumLauncher launcher,
    BrowserOptions options,
    TimeProvider timeProvider,
    ILogger<BrowserLoginSession> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LaunchedBrowser? _browser;
    private ITimer? _personTimer;
    private LoginScreenReading? _screen;
    private int _codeAttempts;
    private string? _password;
    private BrowserLoginStatus _status = new(id, BrowserLoginState.Starting, null);

    public string Id => id;
    public string ConnectionId => connectionId;
    public BrowserLoginStatus Status => Volatile.Read(ref _status);

    // The account being signed in (not a secret; shown and stored with the connection).
    public string? Email { get; private set; }

    // The captured cookies once BrowserLoginState.Connected.
    public AirtableWebSession? CapturedSession { get; private set; }

    // True while Chromium runs for this login (tests check it is never left behind).
    public bool BrowserOpen => _browser is not null;

    public event Action<BrowserLoginStatus>? StatusChanged;

    // Drives the login until it needs a person or has finished.
    public Task<BrowserLoginStatus> StartAsync(string email, string password, CancellationToken cancellationToken) =>
        StepAsync("open the login page", async () =>
        {
            if (_browser is not null || Status.State != BrowserLoginState.Starting)
            {
                throw new InvalidOperationException("This login has already been started.");
            }
            Email = email;
            // Kept only while a handed-over challenge may still lead back to the password form.
            _password = password;
            try
            {
                _browser = await launcher.LaunchAsync(connectionId);
                var page = _browser.Page;
                await page.GotoAsync(new Uri(webBaseUrl, "/login").ToString());
                return await ContinueLoginAsync(page, await NextScreenAsync(page, null, null));
            }
            finally
            {
                ForgetPasswordUnlessHandedOver();
            }
        }, cancellationToken);

    // Types an MFA or e-mail code into the page, presses Enter (§5.1 step 6) and reports what follows.
    public Task<BrowserLoginStatus> SubmitCodeAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return StepAsync("submit the code", async () =>
        {
            if (_browser is null || Status.State is not (BrowserLoginState.AwaitingMfa or BrowserLoginState.AwaitingEmailCode) || _screen is null)
            {
                throw new InvalidOperationException("This login is not waiting for a code.");
            }
            StopPersonTimer();
            _codeAttempts++;
            var previous = _screen;
            var mark = await LoginScreenReader.MarkAsync(_browser.Page);
            var field = _browser.Page.Locator("input[name=\"code\"]");
            await HumanTyping.TypeAsync(field, code.Trim(), options);
            await field.PressAsync("Enter");
            var next = await NextScreenAsync(_browser.Page, previous, mark);
            if (next.Screen != previous.Screen)
            {
                _codeAttempts = 0;
                return await SettleAsync(next);
            }
            if (_codeAttempts >= options.MaxMfaAttempts)
            {
                return await FinishAsync(BrowserLoginState.Failed, $"The code was rejected {_codeAttempts} times; start the login again.");
            }
            _screen = next;
            StartPersonTimer();
            return Publish(Status with { Message = next.Notice ?? "The code was not accepted; try again." });
        }, cancellationToken);
    }

    public async Task CancelAsync() => await FinishAsync(BrowserLoginState.Cancelled, "The login was cancelled.");

    // Completes when the status satisfies predicate (already or later).
    public async Task<BrowserLoginStatus> WaitForStatusAsync(Func<BrowserLoginStatus, bool> predicate, CancellationToken cancellationToken)
    {
        var reached = new TaskCompletionSource<BrowserLoginStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(BrowserLoginStatus status)
        {
            if (predicate(status))
            {
                reached.TrySetResult(status);
            }
        }
        StatusChanged += OnChanged;
        try
        {
            OnChanged(Status);
            return await reached.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            StatusChanged -= OnChanged;
        }
    }

    public async ValueTask DisposeAsync()
    {
        StopPersonTimer();
        _password = null;
        await CloseBrowserAsync();
        if (!Status.IsFinished)
        {
            Publish(Status with { State = BrowserLoginState.Cancelled, Message = "The login was closed." });
        }
        if (_challengeWatch is { } watch)
        {
            await watch;
        }
    }
}
