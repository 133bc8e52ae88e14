namespace AirtableSync.WebSession;

public enum WebSessionState { None, Valid, Expired }

public sealed record WebSessionCheck(WebSessionState State, string? AirtableUserId, DateTimeOffset? ValidatedAt, string? Message = null);

// Result of one live probe (§5.7): alive or not, and the user id when the home page named it.
public sealed record WebSessionProbe(bool Alive, string? AirtableUserId, string Reason);
