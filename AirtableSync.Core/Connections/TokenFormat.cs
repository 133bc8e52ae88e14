using AirtableSync.Airtable;

namespace AirtableSync.Connections;

// The one check for a token a person hands us (the Connect page, the REST API, Airtable:PersonalAccessToken):
// it must fit in Authorization: Bearer …. Airtable documents tokens as opaque, variable-length strings and
// asks clients not to validate their format (docs/airtable/public-api.md §1.1), so this checks only what HTTP
// itself demands plus a generous length bound, never Airtable's current layout.
public static class TokenFormat
{
    // Airtable gives no maximum (§1.1 says "variable length"). Today's PATs are about 82 characters (a 17-character
    // "pat…" id, a dot, 64 hex digits); 1024 leaves room for a much longer format while refusing a pasted document.
    public const int MaxLength = 1024;

    // Null when token (already trimmed) is usable; otherwise a sentence naming the problem.
    public static string? Problem(string? token) =>
        string.IsNullOrEmpty(token) ? "Paste a personal access token (it starts with \"pat\")."
        : HeaderValueRules.Problem(token, MaxLength) is { } problem ? $"The token {problem}; copy it again from Airtable. Nothing was saved."
        : null;
}
