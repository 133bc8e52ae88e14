using System.ComponentModel.DataAnnotations;

namespace AirtableSync.Web.Auth;

public sealed class AuthOptions : IValidatableObject
{
    public const string SectionName = "Auth";

    public LockoutOptions Lockout { get; set; } = new();

    public SignInRateLimitOptions SignInRateLimit { get; set; } = new();

    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    public OpenIdConnectSignInOptions OpenIdConnect { get; set; } = new();

    /// <summary>How long a sign-in cookie lives without activity (sliding).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var nested = new List<ValidationResult>();
        foreach (var (name, value) in new (string, object)[] { ("Lockout", Lockout), ("SignInRateLimit", SignInRateLimit), ("BootstrapAdmin", BootstrapAdmin), ("OpenIdConnect", OpenIdConnect) })
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
            nested.AddRange(results.Select(r => new ValidationResult($"Auth:{name}: {r.ErrorMessage}", r.MemberNames.Select(m => $"{name}.{m}"))));
        }
        return nested;
    }
}

public sealed class LockoutOptions
{
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}

// Sign-in and setup posts, per client IP address, in a fixed window.
public sealed class SignInRateLimitOptions
{
    [Range(1, 10_000)]
    public int PermitLimit { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

// The password comes from configuration or the environment only, and is never logged.
public sealed class BootstrapAdminOptions : IValidatableObject
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(UserName) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("set both UserName and Password, or neither.");
        }
        else if (Password is { } password && PasswordRules.Check(password) is { } problem)
        {
            yield return new ValidationResult($"Password: {problem}");
        }
    }
}

// Offered beside local accounts when Authority and ClientId are set. The provider's role claim decides the role: a value in
// AdminValues makes an Admin, in AnalystValues an Analyst; a user with neither may sign in but reaches no page.
public sealed class OpenIdConnectSignInOptions : IValidatableObject
{
    public Uri? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string RoleClaimType { get; set; } = "roles";

    public IReadOnlyList<string> AdminValues { get; set; } = ["admin"];

    public IReadOnlyList<string> AnalystValues { get; set; } = ["analyst"];

    public string DisplayName { get; set; } = "Sign in with SSO";

    public bool IsConfigured => Authority is not null && !string.IsNullOrWhiteSpace(ClientId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((Authority is null) != string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("set both Authority and ClientId, or neither.");
        }
        if (Authority is { IsAbsoluteUri: false } || Authority is { Scheme: not ("https" or "http") })
        {
            yield return new ValidationResult("Authority must be an absolute http(s) URL.");
        }
        if (IsConfigured && string.IsNullOrWhiteSpace(RoleClaimType))
        {
            yield return new ValidationResult("RoleClaimType must name the provider's role claim.");
        }
    }
}
