using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AirtableSync.Web.Endpoints.Api;

/// <summary>"Api": { "Keys": [ "a-long-random-key" ] } — keys for automation, sent as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    public IReadOnlyList<string> Keys { get; set; } = [];
}

/// <summary>Authenticates REST callers by a configured API key; comparison in constant time so keys cannot be guessed by timing.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiOptions> apiOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        var matches = apiOptions.CurrentValue.Keys.Any(key =>
            CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(key)));
        if (!matches)
        {
            // Never echo the presented key: it may be a real secret sent to the wrong place.
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "api-key"), new Claim(ClaimTypes.Role, "Admin")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
