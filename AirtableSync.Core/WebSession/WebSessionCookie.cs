namespace AirtableSync.WebSession;

// One cookie of the web host as the browser held it (names and values unchanged, docs/airtable/revision-history.md §2.4).
public sealed record WebSessionCookie(string Name, string Value, string Domain, string Path, DateTimeOffset? Expires, bool Secure, bool HttpOnly);
