using AirtableSync.Storage;

namespace AirtableSync.Web.Auth;

/// <summary>
/// Whether any user exists, asked on every request while the app is on its first run. Users are never deleted,
/// so once true it stays true and the store is not asked again.
/// </summary>
public sealed class UserPresence(IAccountStore store)
{
    private volatile bool _exist;

    public async ValueTask<bool> AnyAsync(CancellationToken cancellationToken)
    {
        if (!_exist && await store.AnyUsersAsync(cancellationToken))
        {
            _exist = true;
        }
        return _exist;
    }

    public void UsersExist() => _exist = true;
}
