namespace AirtableSync.Airtable;

// One page of a record scan, ready for IRecordStore. RecordData.FieldsJson is Airtable's
// fields object exactly as sent (keyed by field id; empty cells absent).
// PageIndex: 0-based count of pages yielded by this scan.
// ScanRestarts: How often the scan restarted after its iterator expired; records yielded
// before a restart are not yielded again.
public sealed record AirtableRecordPage(IReadOnlyList<RecordData> Records, int PageIndex, int ScanRestarts);

// The token's owner (GET /v0/meta/whoami, docs/airtable/public-api.md §1.5). Email needs user.email:read; scopes come only for OAuth tokens.
public sealed record AirtableUser(string Id, string? Email, IReadOnlyList<string>? Scopes);
