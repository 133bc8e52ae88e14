namespace AirtableSync.Airtable;

/// <summary>
/// One page of a record scan, ready for <c>IRecordStore</c>. <see cref="RecordData.FieldsJson"/> is Airtable's
/// <c>fields</c> object exactly as sent (keyed by field id; empty cells absent).
/// </summary>
/// <param name="PageIndex">0-based count of pages yielded by this scan.</param>
/// <param name="ScanRestarts">How often the scan restarted after its iterator expired; records yielded
/// before a restart are not yielded again.</param>
public sealed record AirtableRecordPage(IReadOnlyList<RecordData> Records, int PageIndex, int ScanRestarts);

/// <summary>The token's owner (GET /v0/meta/whoami, docs/airtable/public-api.md §1.5). Email needs user.email:read; scopes come only for OAuth tokens.</summary>
public sealed record AirtableUser(string Id, string? Email, IReadOnlyList<string>? Scopes);
