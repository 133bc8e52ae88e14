namespace AirtableSync.Airtable;

// What an HTTP header value may carry (RFC 9110 §5.5): visible ASCII, with spaces or tabs only where the header
// allows words. Every value the app puts into a header from outside (a pasted token, a captured cookie) is checked
// here first, so that a stray line break or an "é" becomes a sentence for the person who typed it instead of a
// failure deep inside the HTTP stack. The sentences never quote the value: it is usually a secret.
public static class HeaderValueRules
{
    // A bound for a whole header value: common front ends refuse longer header lines (nginx's default
    // large_client_header_buffers is 8 KB), so a longer value could never reach Airtable anyway.
    public const int MaxLength = 8192;

    // Returns null when value can travel in a header; otherwise what is wrong, as the end of a
    // sentence ("contains a line break"), for the caller to name the field in front of it.
    public static string? Problem(string value, int maxLength = MaxLength, bool allowSpaces = false)
    {
        if (value.Length > maxLength)
        {
            return $"is longer than {maxLength} characters";
        }
        foreach (var c in value)
        {
            if (c is '\r' or '\n')
            {
                return "contains a line break";
            }
            if (c is ' ' or '\t')
            {
                if (!allowSpaces)
                {
                    return "contains a space or tab";
                }
            }
            else if (char.IsControl(c))
            {
                return "contains a control character (such as NUL)";
            }
            else if (c > '~')
            {
                return "contains a character outside printable ASCII (such as an accented letter, an emoji or a typographic quote)";
            }
        }
        return null;
    }
}
