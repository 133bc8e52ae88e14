namespace AirtableSync.Model;

/// <summary>One record as Airtable returned it. <see cref="FieldsJson"/> is the raw <c>fields</c> object keyed by field id.</summary>
public sealed record RecordData(string Id, DateTimeOffset CreatedTime, string FieldsJson);

public sealed record StoredRecord
{
    public required string BaseId { get; init; }
    public required string TableId { get; init; }
    public required string Id { get; init; }
    public required DateTimeOffset CreatedTime { get; init; }
    public required string FieldsJson { get; init; }
    public required DateTimeOffset FirstSeenAt { get; init; }
    public required DateTimeOffset LastSeenAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required DateTimeOffset? DeletedAt { get; init; }
    public required DateTimeOffset? RevisionsFetchedAt { get; init; }

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
