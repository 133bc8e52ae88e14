using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using AirtableSync.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AirtableSync.Web.Endpoints.Api;

/// <summary>"Api": { "Keys": [ "a-long-random-key" ] } — keys for automation, sent as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    public IReadOnlyList<string> Keys { get; set; } = [];
}

// A configured key (admin scope, for automation) is compared in constant time so it cannot be guessed by timing;
// a key created in the UI (ApiKeys) is looked up by hash.
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiOptions> apiOptions,
    ApiKeys storedKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    // The key's name as its creator gave it, so that jobs can say which automation started them.
    public const string KeyNameClaim = "airtablesync:api_key_name";

    public const string ConfiguredKeyName = "configured API key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var key = header["Bearer ".Length..].Trim();
        var presented = Encoding.UTF8.GetBytes(key);
        if (apiOptions.CurrentValue.Keys.Any(configured => CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(configured))))
        {
            return Success("api-key", ConfiguredKeyName, AppRoles.Admin);
        }
        if (await storedKeys.AuthenticateAsync(key, Context.RequestAborted) is { } stored)
        {
            return Success($"api-key:{stored.Prefix}", stored.Name, stored.Scope == ApiKeyScope.Admin ? AppRoles.Admin : AppRoles.Analyst);
        }
        // Never echo the presented key: it may be a real secret sent to the wrong place.
        return AuthenticateResult.Fail("Invalid API key.");
    }

    private static AuthenticateResult Success(string name, string keyName, string role)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(KeyNameClaim, keyName), new Claim(ClaimTypes.Role, role)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
