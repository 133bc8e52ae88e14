using System.Collections.Concurrent;
using AirtableSync.Airtable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AirtableSync.WebSession;

// Holds the pending browser logins by id so the wizard and the REST API can start one, read its state,
// submit a code and cancel. One login at a time per connection; a connected login's cookies are saved.
public sealed class BrowserLoginCoordinator(
    ChromiumLauncher launcher,
    IServiceScopeFactory scopes,
    IOptions<BrowserOptions> options,
    IOptions<AirtableOptions> airtable,
    TimeProvider timeProvider,
    ILoggerFactory loggers) : IAsyncDisposable
{
    private const int FinishedLoginsKept = 20;
    private readonly ConcurrentDictionary<string, BrowserLoginSession> _logins = new(StringComparer.Ordinal);
    private readonly Lock _startLock = new();
    private readonly ConcurrentDictionary<string, Task> _saves = new(StringComparer.Ordinal);

    public BrowserLoginSession? Find(string loginId) => _logins.GetValueOrDefault(loginId);

    // Every login held, for end-to-end tests that look into the login browser (the UI never names the id).
    internal IEnumerable<BrowserLoginSession> Logins => _logins.Values;

    /// <exception cref="BrowserLoginInProgressException">A login for the connection is still running.</exception>
    /// <exception cref="ArgumentException">The email or password breaks <see cref="LoginInputRules"/>; no browser was started.</exception>
    public async Task<BrowserLoginStatus> StartAsync(string email, string password, CancellationToken cancellationToken)
    {
        if (LoginInputRules.Problems(email, password) is { Count: > 0 } problems)
        {
            var (field, problem) = problems.First();
            throw new ArgumentException(problem, field);
        }
        var connectionId = options.Value.ConnectionId;
        BrowserLoginSession login;
        List<BrowserLoginSession> superseded;
        lock (_startLock)
        {
            var mine = _logins.Values.Where(l => l.ConnectionId == connectionId).ToList();
            if (mine.FirstOrDefault(l => !l.Status.IsFinished && l.Status.State != BrowserLoginState.Challenge) is { } running)
            {
                throw new BrowserLoginInProgressException($"Browser login {running.Id} is still {running.Status.State} for this connection; finish or cancel it first.")
                {
                    RunningLoginId = running.Id,
                };
            }
            // A challenge window left open for a person holds the profile; the new login takes over.
            superseded = [.. mine.Where(l => l.Status.State == BrowserLoginState.Challenge || l.BrowserOpen)];
            login = new BrowserLoginSession(
                "bls" + Guid.NewGuid().ToString("N")[..16], connectionId, airtable.Value.WebBaseUrl, launcher, options.Value,
                timeProvider, loggers.CreateLogger<BrowserLoginSession>());
            _logins[login.Id] = login;
            // A login handed over at a challenge connects later, by itself (no caller awaits it): save on the event.
            login.StatusChanged += status =>
            {
                if (status.State == BrowserLoginState.Connected)
                {
                    _saves.TryAdd(login.Id, SaveAsync(login));
                }
            };
        }
        foreach (var old in superseded)
        {
            await old.DisposeAsync();
        }
        Prune();
        var status = await login.StartAsync(email.Trim(), password, cancellationToken);
        return await SaveIfConnectedAsync(login, status, cancellationToken);
    }

    /// <exception cref="KeyNotFoundException">No such login.</exception>
    public async Task<BrowserLoginStatus> SubmitCodeAsync(string loginId, string code, CancellationToken cancellationToken)
    {
        var login = Find(loginId) ?? throw new KeyNotFoundException($"No browser login {loginId}.");
        var status = await login.SubmitCodeAsync(code, cancellationToken);
        return await SaveIfConnectedAsync(login, status, cancellationToken);
    }

    public BrowserLoginStatus? GetStatus(string loginId) => Find(loginId)?.Status;

    // The login of this app's web session that has not finished, if any: a wizard opened again (a reload, another
    // tab) takes it up instead of meeting "still running" with nothing to act on.
    public BrowserLoginStatus? FindUnfinished() => _logins.Values
        .Where(l => l.ConnectionId == options.Value.ConnectionId && !l.Status.IsFinished)
        .Select(l => l.Status)
        .FirstOrDefault();

    /// <exception cref="KeyNotFoundException">No such login.</exception>
    /// <exception cref="InvalidOperationException">The login is not handed over at a challenge.</exception>
    public Task<BrowserScreen> CaptureScreenAsync(string loginId, CancellationToken cancellationToken) =>
        (Find(loginId) ?? throw new KeyNotFoundException($"No browser login {loginId}.")).CaptureScreenAsync(cancellationToken);

    /// <exception cref="KeyNotFoundException">No such login.</exception>
    /// <exception cref="InvalidOperationException">The login is not handed over at a challenge.</exception>
    public Task SendPointerAsync(string loginId, BrowserPointerInput input, CancellationToken cancellationToken) =>
        (Find(loginId) ?? throw new KeyNotFoundException($"No browser login {loginId}.")).SendPointerAsync(input, cancellationToken);

    public async Task<bool> CancelAsync(string loginId)
    {
        if (Find(loginId) is not { } login)
        {
            return false;
        }
        await login.CancelAsync();
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var login in _logins.Values)
        {
            await login.DisposeAsync();
        }
        _logins.Clear();
    }

    private async Task<BrowserLoginStatus> SaveIfConnectedAsync(BrowserLoginSession login, BrowserLoginStatus status, CancellationToken cancellationToken)
    {
        if (status.State == BrowserLoginState.Connected && _saves.TryGetValue(login.Id, out var save))
        {
            await save.WaitAsync(cancellationToken);
        }
        return status;
    }

    private async Task SaveAsync(BrowserLoginSession login)
    {
        if (login.CapturedSession is not { } captured)
        {
            return;
        }
        try
        {
            // The store may be scoped; the coordinator is a singleton, so it borrows a scope per save.
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WebSessionVault>().SaveAsync(login.ConnectionId, captured, login.Email, CancellationToken.None);
        }
        catch (Exception e)
        {
            // Logged here too: after a handed-over challenge no caller awaits this save.
            loggers.CreateLogger<BrowserLoginCoordinator>().LogError(e, "Browser login {LoginId} connected but its session could not be saved", login.Id);
            throw;
        }
    }

    private void Prune()
    {
        foreach (var stale in _logins.Values.Where(l => l.Status.IsFinished && !l.BrowserOpen).SkipLast(FinishedLoginsKept).ToList())
        {
            _logins.TryRemove(stale.Id, out _);
            _saves.TryRemove(stale.Id, out _);
        }
    }
}
