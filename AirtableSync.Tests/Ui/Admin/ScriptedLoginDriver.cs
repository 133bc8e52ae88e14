using AirtableSync.Web.Components.Pages.Connect;
using AirtableSync.WebSession;

namespace AirtableSync.Tests.Ui.Admin;

/// <summary>
/// Stands in for the browser (a real Chromium login takes seconds per step): answers each call with the next
/// status the test queued, the way BrowserLoginCoordinator reports them, and records what the wizard sent.
/// </summary>
public sealed class ScriptedLoginDriver : IBrowserLoginDriver
{
    public const string LoginId = "blsTest000000001";
    private readonly Queue<Func<BrowserLoginStatus>> _answers = new();

    public List<string> Calls { get; } = [];

    /// <summary>What GetStatus answers (the login's live state); the last status handed out until a test changes it.</summary>
    public BrowserLoginStatus? Current { get; set; }

    /// <summary>The picture CaptureScreenAsync answers: a 1280×720 page.</summary>
    public BrowserScreen Screen { get; set; } = new([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], "image/jpeg", 1280, 720);

    public int ScreenCaptures { get; private set; }

    public ScriptedLoginDriver ThenHandedOverChallenge(string message = "Press and hold the button in the picture.")
    {
        _answers.Enqueue(() => new BrowserLoginStatus(LoginId, BrowserLoginState.Challenge, message, HandedOver: true));
        return this;
    }

    public ScriptedLoginDriver Then(BrowserLoginState state, string? message = null, string? userId = null)
    {
        _answers.Enqueue(() => new BrowserLoginStatus(LoginId, state, message, userId));
        return this;
    }

    public ScriptedLoginDriver ThenThrow(Exception exception)
    {
        _answers.Enqueue(() => throw exception);
        return this;
    }

    public Task<BrowserLoginStatus> StartAsync(string email, string password, CancellationToken cancellationToken)
    {
        Calls.Add($"start {email}");
        return Task.FromResult(Next());
    }

    public Task<BrowserLoginStatus> SubmitCodeAsync(string loginId, string code, CancellationToken cancellationToken)
    {
        Calls.Add($"code {loginId} {code}");
        return Task.FromResult(Next());
    }

    public Task CancelAsync(string loginId)
    {
        Calls.Add($"cancel {loginId}");
        return Task.CompletedTask;
    }

    public BrowserLoginStatus? GetStatus(string loginId) => Current;

    public BrowserLoginStatus? FindUnfinished() => Current is { IsFinished: false } current ? current : null;

    public Task<BrowserScreen> CaptureScreenAsync(string loginId, CancellationToken cancellationToken)
    {
        ScreenCaptures++;
        return Current is { State: BrowserLoginState.Challenge, HandedOver: true }
            ? Task.FromResult(Screen)
            : Task.FromException<BrowserScreen>(new InvalidOperationException("Not handed over."));
    }

    public Task SendPointerAsync(string loginId, BrowserPointerInput input, CancellationToken cancellationToken)
    {
        Calls.Add(FormattableString.Invariant($"pointer {input.Action} {input.X:0},{input.Y:0}"));
        return Task.CompletedTask;
    }

    private BrowserLoginStatus Next() =>
        _answers.TryDequeue(out var answer) ? Current = answer() : throw new InvalidOperationException("The test queued no more answers.");
}
