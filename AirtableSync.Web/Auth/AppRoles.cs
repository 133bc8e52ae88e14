using System.Security.Claims;

namespace AirtableSync.Web.Auth;

public static class AppRoles
{
    public const string Admin = nameof(AppRole.Admin);
    public const string Analyst = nameof(AppRole.Analyst);

    // The app's cookie, or an OpenID Connect sign-in mapped to Admin.
    public const string AdminPolicy = "Admin";

    // Principals from a local account have their role and state re-read from the store before acting.
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
