namespace AirtableSync.Model;

/// <summary>One record as Airtable returned it. <see cref="FieldsJson"/> is the raw <c>fields</c> object keyed by field id.</summary>
public sealed record RecordData(string Id, DateTimeOffset CreatedTime, string FieldsJson);

public sealed record StoredRecord(
    string BaseId,
    string TableId,
    string Id,
    DateTimeOffset CreatedTime,
    string FieldsJson,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt,
    DateTimeOffset? RevisionsFetchedAt)
{
    public bool IsDeleted => DeletedAt is not null;
}

public sealed record UpsertOutcome(int Inserted, int Updated, int Unchanged)
{
    public int Total => Inserted + Updated + Unchanged;
}

public enum SortDirection { Ascending, Descending }

/// <param name="SortFieldId">A field id to sort by its cell value, or null for (createdTime, id).</param>
/// <param name="Search">Case-insensitive substring searched in the cells' text.</param>
public sealed record RecordQuery(
    string BaseId,
    string TableId,
    int Skip = 0,
    int Take = 50,
    string? Search = null,
    string? SortFieldId = null,
    SortDirection SortDirection = SortDirection.Ascending,
    bool IncludeDeleted = false);

public sealed record RecordPage(IReadOnlyList<StoredRecord> Items, int TotalCount);
