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

    private BrowserLoginStatus Next() =>
        _answers.TryDequeue(out var answer) ? answer() : throw new InvalidOperationException("The test queued no more answers.");
}
