using AirtableSync.Storage;
using Microsoft.AspNetCore.Identity;

namespace AirtableSync.Web.Auth;

// Never loses the last admin (nobody could manage the app any more). Changes are serialized so two admins
// demoting each other at once cannot both succeed.
public sealed class LocalAccounts(IAccountStore store, IPasswordHasher<AppUser> hasher, TimeProvider clock, UserPresence presence) : IDisposable
{
    private readonly SemaphoreSlim _changes = new(1, 1);

    public const int MaxUserNameLength = 256;

    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    public Task<IReadOnlyList<AppUser>> ListAsync(CancellationToken cancellationToken) => store.ListUsersAsync(cancellationToken);

    /// <returns>The problem to show, or null when created.</returns>
    public async Task<string?> CreateAsync(string? userName, string? displayName, string? password, AppRole role, bool firstAdminOnly, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName) || userName.Trim().Length > MaxUserNameLength)
        {
            return "Enter a user name (or e-mail address) of at most 256 characters.";
        }
        if (DisplayTextRules.Problem(userName, "user name", MaxUserNameLength) is { } nameProblem)
        {
            return nameProblem;
        }
        if (!string.IsNullOrWhiteSpace(displayName) && DisplayTextRules.Problem(displayName, "display name", MaxUserNameLength) is { } displayProblem)
        {
            return displayProblem;
        }
        if (password is null || PasswordRules.Check(password) is not null)
        {
            return PasswordRules.Check(password);
        }
        var name = userName.Trim();
        var user = new AppUser
        {
            Id = Guid.NewGuid().ToString("N"),
            UserName = name,
            NormalizedUserName = Normalize(name),
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim(),
            Role = role,
            PasswordHash = "",
            FailedSignIns = 0,
            LockedUntil = null,
            Disabled = false,
            CreatedAt = clock.GetUtcNow(),
            LastSignInAt = null,
        };
        user = user with { PasswordHash = hasher.HashPassword(user, password) };
        var created = await store.CreateUserAsync(user, firstAdminOnly, cancellationToken);
        if (created == UserCreation.Created)
        {
            presence.UsersExist();
        }
        return created switch
        {
            UserCreation.Created => null,
            UserCreation.NameTaken => $"A user named \"{name}\" already exists.",
            _ => "The first admin was already created. Sign in instead.",
        };
    }

    public Task<string?> ChangeRoleAsync(string actorId, string userId, AppRole role, CancellationToken cancellationToken) =>
        ChangeAsync(actorId, userId, u => u with { Role = role }, cancellationToken);

    public Task<string?> SetDisabledAsync(string actorId, string userId, bool disabled, CancellationToken cancellationToken) =>
        ChangeAsync(actorId, userId, u => u with { Disabled = disabled }, cancellationToken);

    public Task<string?> UnlockAsync(string actorId, string userId, CancellationToken cancellationToken) =>
        ChangeAsync(actorId, userId, u => u with { LockedUntil = null, FailedSignIns = 0 }, cancellationToken);

    public async Task<string?> ResetPasswordAsync(string actorId, string userId, string? password, CancellationToken cancellationToken)
    {
        if (password is null || PasswordRules.Check(password) is not null)
        {
            return PasswordRules.Check(password);
        }
        return await ChangeAsync(actorId, userId, u => u with { PasswordHash = hasher.HashPassword(u, password), LockedUntil = null, FailedSignIns = 0 }, cancellationToken);
    }

    private async Task<string?> ChangeAsync(string actorId, string userId, Func<AppUser, AppUser> change, CancellationToken cancellationToken)
    {
        await _changes.WaitAsync(cancellationToken);
        try
        {
            var users = await store.ListUsersAsync(cancellationToken);
            if (users.FirstOrDefault(u => u.Id == userId) is not { } user)
            {
                return "That user no longer exists.";
            }
            var changed = change(user);
            var losesAdmin = IsActiveAdmin(user) && !IsActiveAdmin(changed);
            if (losesAdmin && userId == actorId)
            {
                return "You cannot demote or disable yourself; ask another admin.";
            }
            if (losesAdmin && users.Count(IsActiveAdmin) <= 1)
            {
                return "This is the last active admin: make another user admin first.";
            }
            await store.SaveUserAsync(changed, cancellationToken);
            return null;
        }
        finally
        {
            _changes.Release();
        }
    }

    private static bool IsActiveAdmin(AppUser user) => user is { Role: AppRole.Admin, Disabled: false };

    public void Dispose() => _changes.Dispose();
}
