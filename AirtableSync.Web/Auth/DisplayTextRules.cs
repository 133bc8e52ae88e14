namespace AirtableSync.Web.Auth;

// Names people type (user names, display names, API key names) end up in pages, logs and audit trails. Letters of
// any script are welcome ("José", "Zoë", "山田"); what is refused is text that is not what it looks like: control
// characters (a line break forges a log line, a NUL truncates it elsewhere), invisible or direction-changing
// formatting characters (an RLO makes "admin‮txt.exe" read backwards), and broken UTF-16.
public static class DisplayTextRules
{
    /// <returns>The problem to show, naming <paramref name="what"/>; null when the text is acceptable.</returns>
    public static string? Problem(string? value, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"Enter the {what}.";
        }
        var text = value.Trim();
        if (text.Length > maxLength)
        {
            return $"The {what} must be at most {maxLength} characters long.";
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            // U+FFFD is what a decoder leaves where bytes were not valid UTF-8: the text was damaged on its way here.
            if (char.IsSurrogate(c) || c == '\uFFFD')
            {
                return $"The {what} is not valid text (a broken character at position {i + 1}).";
            }
            if (char.IsControl(c))
            {
                return $"The {what} may not contain line breaks, tabs or other control characters.";
            }
            if (IsInvisibleFormatting(c))
            {
                return $"The {what} may not contain invisible or text-direction formatting characters.";
            }
        }
        return null;
    }

    // Zero-width characters, direction marks, embeddings, overrides and isolates, line/paragraph separators, BOM.
    private static bool IsInvisibleFormatting(char c) =>
        c is >= '\u200B' and <= '\u200F' or >= '\u2028' and <= '\u202E' or >= '\u2060' and <= '\u2069' or '\uFEFF';
}
