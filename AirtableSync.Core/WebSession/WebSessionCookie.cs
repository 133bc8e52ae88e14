namespace AirtableSync.WebSession;

/// <summary>One cookie of the web host as the browser held it (names and values unchanged, docs/airtable/revision-history.md §2.4).</summary>
public sealed record WebSessionCookie(string Name, string Value, string Domain, string Path, DateTimeOffset? Expires, bool Secure, bool HttpOnly);
