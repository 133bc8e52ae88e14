using System.Security.Claims;
using System.Text.Encodings.Web;
using AirtableSync.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AirtableSync.Tests.Connections;

/// <summary>
/// Stands in for the app's sign-in in this small host: every request is an admin named <see cref="UserName"/>.
/// The OAuth endpoints require the Admin policy; who may reach them is tested on the real app (Auth/EndpointAccessTests).
/// </summary>
internal sealed class SignedInAdmin(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "SignedInAdmin";
    public const string UserName = "admin@example.com";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, UserName), new Claim(ClaimTypes.Role, AppRoles.Admin)], SchemeName)), SchemeName)));
}
