namespace AirtableSync.Web.Auth;

// Admins only, checked on every call.
public sealed class ApiKeyActions(ApiKeys keys, CurrentUser currentUser)
{
    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await currentUser.RequireAdminAsync(cancellationToken);
        return await keys.ListAsync(cancellationToken);
    }

    /// <returns>The new key (to show once), or a problem to show.</returns>
    public async Task<(CreatedApiKey? Key, string? Error)> CreateAsync(string? name, ApiKeyScope scope, CancellationToken cancellationToken)
    {
        var admin = await currentUser.RequireAdminAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return (null, "Name the key (at most 100 characters), e.g. after the script that will use it.");
        }
        if (DisplayTextRules.Problem(name, "key name", 100) is { } problem)
        {
            return (null, problem);
        }
        return (await keys.CreateAsync(name, scope, admin, cancellationToken), null);
    }

    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        await currentUser.RequireAdminAsync(cancellationToken);
        return await keys.RevokeAsync(keyId, cancellationToken);
    }
}
