namespace AirtableSync.WebSession;

// The screens of airtable.com's login the session can tell apart (docs/airtable/revision-history.md §5.1, §6).
public enum LoginScreen { Unknown, Email, Password, Mfa, EmailCode, Challenge, Error, SsoOnly, SignedIn }

// Notice: Error or alert text shown on the screen, if any (never contains what was typed).
public sealed record LoginScreenReading(LoginScreen Screen, string? Notice);
