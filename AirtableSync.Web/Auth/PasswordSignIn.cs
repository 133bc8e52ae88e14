using AirtableSync.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AirtableSync.Web.Auth;

// The error never says whether the user exists.
public sealed record SignInResult(AppUser? User, string? Error);

// Locks the account after Auth:Lockout:MaxFailedAttempts failures for Auth:Lockout:Duration.
public sealed class PasswordSignIn(IAccountStore store, IPasswordHasher<AppUser> hasher, IOptions<AuthOptions> options, TimeProvider clock, ILogger<PasswordSignIn> logger)
{
    public const string Refused = "The user name or password is wrong, or the account is locked or disabled. Try again later or ask an admin.";

    // Hashing a password for an unknown user costs the same as for a known one, so timing does not reveal who exists.
    private static readonly AppUser Nobody = new()
    {
        Id = "",
        UserName = "",
        NormalizedUserName = "",
        DisplayName = "",
        Role = AppRole.Analyst,
        PasswordHash = "",
        FailedSignIns = 0,
        LockedUntil = null,
        Disabled = false,
        CreatedAt = DateTimeOffset.UnixEpoch,
        LastSignInAt = null,
    };
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<SignInResult> SignInAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return new(null, "Enter your user name and password.");
        }
        // No account can have a longer name or password (LocalAccounts, PasswordRules), so such a post is refused
        // before the lookup and before hashing what may be a very large body.
        if (userName.Trim().Length > LocalAccounts.MaxUserNameLength || password.Length > PasswordRules.MaximumLength)
        {
            return new(null, Refused);
        }
        var user = await store.FindUserByNameAsync(LocalAccounts.Normalize(userName), cancellationToken);
        var verdict = hasher.VerifyHashedPassword(user ?? Nobody, user?.PasswordHash ?? NobodysHash.Value, password);
        if (user is null)
        {
            return new(null, Refused);
        }
        var now = clock.GetUtcNow();
        if (user.Disabled || user.LockedUntil > now)
        {
            // The lockout stands until it ends: a right password while locked neither signs in nor resets the count.
            logger.LogInformation("Sign-in refused for user {UserId}: {Reason}", user.Id, user.Disabled ? "disabled" : "locked");
            return new(null, Refused);
        }
        if (verdict == PasswordVerificationResult.Failed)
        {
            var lockout = options.Value.Lockout;
            var after = await store.RecordFailedSignInAsync(user.Id, lockout.MaxFailedAttempts, now + lockout.Duration, cancellationToken);
            if (after?.LockedUntil > now)
            {
                logger.LogWarning("User {UserId} locked until {LockedUntil} after {Attempts} wrong passwords", user.Id, after.LockedUntil, lockout.MaxFailedAttempts);
            }
            return new(null, Refused);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user = user with { PasswordHash = hasher.HashPassword(user, password) };
            await store.SaveUserAsync(user, cancellationToken);
        }
        await store.RecordSignInAsync(user.Id, now, cancellationToken);
        return new(user with { FailedSignIns = 0, LockedUntil = null, LastSignInAt = now }, null);
    }
}
