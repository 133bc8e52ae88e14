using AirtableSync.Storage;

namespace AirtableSync.Web.Auth;

// Asked on every request during the first run. Users are never deleted, so once true it stays true and the store
// is not asked again.
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
