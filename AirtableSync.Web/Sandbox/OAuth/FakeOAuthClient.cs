namespace AirtableSync.Sandbox.OAuth;

/// <summary>An integration registered at the fake's /create/oauth: a null secret makes it a public client (docs/airtable/public-api.md §1.3).</summary>
public sealed record FakeOAuthClient(string ClientId, string? ClientSecret, IReadOnlyList<Uri> RedirectUris, IReadOnlyList<string> Scopes);
