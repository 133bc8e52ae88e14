namespace AirtableSync.Web.Auth;

// Length is what makes a password strong; composition rules only make people write them down.
public static class PasswordRules
{
    public const int MinimumLength = 12;

    public const int MaximumLength = 512;

    public static string? Check(string? password) => password switch
    {
        null or "" => "Enter a password.",
        { Length: < MinimumLength } => $"The password must be at least {MinimumLength} characters long.",
        { Length: > MaximumLength } => $"The password must be at most {MaximumLength} characters long.",
        _ => null,
    };
}
