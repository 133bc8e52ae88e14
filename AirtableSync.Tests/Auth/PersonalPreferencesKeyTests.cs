using System.Security.Claims;
using AirtableSync.Web.Auth;

namespace AirtableSync.Tests.Auth;

public sealed class PersonalPreferencesKeyTests
{
    [Fact]
    public void ALocalAccountIsKnownByItsIdSoARenameKeepsItsChoices()
    {
        var user = new AppUser
        {
            Id = "usr0001", UserName = "ada", NormalizedUserName = "ADA", DisplayName = "Ada", Role = AppRole.Analyst, PasswordHash = "x",
            FailedSignIns = 0, LockedUntil = null, Disabled = false, CreatedAt = DateTimeOffset.UnixEpoch, LastSignInAt = null,
        };

        Assert.Equal("local:usr0001", PersonalPreferences.KeyOf(AppRoles.Principal(user, "Cookies")));
        Assert.Equal("local:usr0001", PersonalPreferences.KeyOf(AppRoles.Principal(user with { UserName = "ada.lovelace" }, "Cookies")));
    }

    [Fact]
    public void ASingleSignOnUserIsKnownByTheProvidersSubjectAndNeverCollidesWithALocalId()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "usr0001"), new Claim(ClaimTypes.Name, "ada")], "OpenIdConnect"));

        Assert.Equal("external:usr0001", PersonalPreferences.KeyOf(principal));
    }

    [Fact]
    public void NobodySignedInHasNoKey() => Assert.Null(PersonalPreferences.KeyOf(new ClaimsPrincipal(new ClaimsIdentity())));
}
