using System.Text.RegularExpressions;

namespace AirtableSync.WebSession;

// What the browser login accepts from a person before anything is typed into airtable.com: the same rules for the
// REST API and the Connect page's wizard. These values are typed, not sent in headers, so letters outside ASCII
// stay allowed (a password may hold "é"); control characters do not: a typed line break presses Enter mid-field,
// and the email is stored with the session. Problems are keyed by the field's JSON name and never quote the value.
public static partial class LoginInputRules
{
    // The longest address SMTP can carry (RFC 5321 §4.5.3.1.3: a 256-octet path less its angle brackets).
    public const int MaxEmailLength = 254;

    // No password rule of Airtable's is published; this only refuses a pasted document.
    public const int MaxPasswordLength = 1024;

    [GeneratedRegex("^[0-9]{4,8}$")]
    private static partial Regex CodeFormat();

    public static Dictionary<string, string> Problems(string? email, string? password)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !trimmed.Contains('@', StringComparison.Ordinal))
        {
            problems["email"] = "An e-mail address is required.";
        }
        else if (trimmed.Length > MaxEmailLength)
        {
            problems["email"] = $"The e-mail address is longer than {MaxEmailLength} characters.";
        }
        else if (trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            problems["email"] = "The e-mail address contains a space, line break or control character.";
        }
        if (string.IsNullOrEmpty(password))
        {
            problems["password"] = "A password is required.";
        }
        else if (password.Length > MaxPasswordLength)
        {
            problems["password"] = $"The password is longer than {MaxPasswordLength} characters.";
        }
        else if (password.Any(char.IsControl))
        {
            problems["password"] = "The password contains a line break, tab or other control character.";
        }
        return problems;
    }

    // The code as it will be typed (spaces removed), or null when it is not 4 to 8 ASCII digits.
    public static string? NormalizeCode(string? code) =>
        code?.Trim().Replace(" ", "", StringComparison.Ordinal) is { } digits && CodeFormat().IsMatch(digits) ? digits : null;

    public const string CodeProblem = "The code is 4 to 8 digits.";
}
