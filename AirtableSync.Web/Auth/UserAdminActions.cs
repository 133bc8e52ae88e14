namespace AirtableSync.Web.Auth;

// Every call checks that the circuit's user is an admin, whatever the page rendered.
public sealed class UserAdminActions(LocalAccounts accounts, CurrentUser currentUser)
{
    public async Task<IReadOnlyList<AppUser>> ListAsync(CancellationToken cancellationToken)
    {
        await currentUser.RequireAdminAsync(cancellationToken);
        return await accounts.ListAsync(cancellationToken);
    }

    public async Task<string?> CreateAsync(string? userName, string? displayName, string? password, AppRole role, CancellationToken cancellationToken)
    {
        await currentUser.RequireAdminAsync(cancellationToken);
        return await accounts.CreateAsync(userName, displayName, password, role, firstAdminOnly: false, cancellationToken);
    }

    public async Task<string?> ChangeRoleAsync(string userId, AppRole role, CancellationToken cancellationToken) =>
        await accounts.ChangeRoleAsync(await currentUser.RequireAdminAsync(cancellationToken), userId, role, cancellationToken);

    public async Task<string?> SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken) =>
        await accounts.SetDisabledAsync(await currentUser.RequireAdminAsync(cancellationToken), userId, disabled, cancellationToken);

    public async Task<string?> UnlockAsync(string userId, CancellationToken cancellationToken) =>
        await accounts.UnlockAsync(await currentUser.RequireAdminAsync(cancellationToken), userId, cancellationToken);

    public async Task<string?> ResetPasswordAsync(string userId, string? password, CancellationToken cancellationToken) =>
        await accounts.ResetPasswordAsync(await currentUser.RequireAdminAsync(cancellationToken), userId, password, cancellationToken);
}
