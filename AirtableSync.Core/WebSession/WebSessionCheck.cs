namespace AirtableSync.WebSession;

public enum WebSessionState { None, Valid, Expired }

// Email: the Airtable account the session belongs to, as the admin typed it at the browser login (what people recognise).
public sealed record WebSessionCheck(WebSessionState State, string? AirtableUserId, DateTimeOffset? ValidatedAt, string? Message = null, string? Email = null);

// Result of one live probe (§5.7): alive or not, and the user id when the home page named it.
public sealed record WebSessionProbe(bool Alive, string? AirtableUserId, string Reason);
