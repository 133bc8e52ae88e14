using System.Security.Claims;

namespace AirtableSync.Web.Auth;

/// <summary>Role names as they travel in claims, and the policies built on them.</summary>
public static class AppRoles
{
    public const string Admin = nameof(AppRole.Admin);
    public const string Analyst = nameof(AppRole.Analyst);

    /// <summary>Admins only (the app's cookie, or an OpenID Connect sign-in mapped to Admin).</summary>
    public const string AdminPolicy = "Admin";

    /// <summary>Marks principals built from a local account, whose role and state are re-read from the store before acting.</summary>
    public const string LocalAccountClaim = "airtablesync:local";

    public const string DisplayNameClaim = "airtablesync:display_name";

    public static ClaimsPrincipal Principal(AppUser user, string authenticationType) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id),
        new Claim(ClaimTypes.Name, user.UserName),
        new Claim(DisplayNameClaim, user.DisplayName),
        new Claim(ClaimTypes.Role, user.Role.ToString()),
        new Claim(LocalAccountClaim, "true"),
    ], authenticationType, ClaimTypes.Name, ClaimTypes.Role));
}
