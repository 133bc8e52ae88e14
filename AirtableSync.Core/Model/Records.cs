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
/// <param name="Filters">Conditions on cells; a record must meet every one. Null or empty filters nothing.</param>
public sealed record RecordQuery(
    string BaseId,
    string TableId,
    int Skip = 0,
    int Take = 50,
    string? Search = null,
    string? SortFieldId = null,
    SortDirection SortDirection = SortDirection.Ascending,
    bool IncludeDeleted = false,
    IReadOnlyList<RecordFilter>? Filters = null);

/// <summary>A condition on one field's cell. A record must meet every filter of a <see cref="RecordQuery"/>.</summary>
public abstract record RecordFilter(string FieldId);

/// <summary>Select fields: the cell's option name is one of <paramref name="Values"/> (multiple selects: any chosen option is).
/// Collaborator fields: the person's id (usr…) is one of <paramref name="Values"/> (multiple collaborators: any of them is).
/// <paramref name="IncludeBlank"/> also matches records whose cell is empty (absent, null, "" or []).</summary>
public sealed record ValueFilter(string FieldId, IReadOnlyList<string> Values, bool IncludeBlank = false) : RecordFilter(FieldId)
{
    /// <summary>The field types (<see cref="FieldSchema.Type"/>) whose cells a value filter applies to.</summary>
    public static IReadOnlySet<string> FieldTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "singleSelect", "multipleSelects", "singleCollaborator", "multipleCollaborators",
    };
}

/// <summary>Date fields (date, dateTime, createdTime, lastModifiedTime): the cell falls on a day from <paramref name="From"/>
/// to <paramref name="To"/>, both inclusive, either open. Days of date-time cells are days in <paramref name="Zone"/> (UTC when null);
/// date-only cells are compared as written. Empty cells never match.</summary>
public sealed record DateRangeFilter(string FieldId, DateOnly? From, DateOnly? To, TimeZoneInfo? Zone = null) : RecordFilter(FieldId)
{
    /// <summary>The field types (<see cref="FieldSchema.Type"/>) whose cells a date range applies to.</summary>
    public static IReadOnlySet<string> FieldTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "date", "dateTime", "createdTime", "lastModifiedTime",
    };
}

/// <summary>One person found in a collaborator field's cells, and how many live records hold them.</summary>
public sealed record CellPerson(string Id, string? Name, string? Email, int RecordCount);

/// <summary>A window of a query's records and how many records the query selects in all.</summary>
/// <param name="TotalIsLowerBound">True when a search matched more records than were counted
/// (<see cref="RecordPage.SearchCountLimit"/>): then at least <paramref name="TotalCount"/> records match, and
/// <paramref name="TotalCount"/> is always beyond this window, so a reader paging on knows more follow.</param>
public sealed record RecordPage(IReadOnlyList<StoredRecord> Items, int TotalCount, bool TotalIsLowerBound = false)
{
    /// <summary>A search counts its matches in steps of this many, like Airtable's "10,000+" rather than an exact figure.</summary>
    public const int SearchCountStep = 10_000;

    /// <summary>The most matches a search counts for a window at <paramref name="skip"/> of <paramref name="take"/>: the
    /// next multiple of <see cref="SearchCountStep"/> past the window's end, so scrolling on raises the bound step by step.
    /// Counting every match of a search that matches most of a large table costs a pass over all of them.</summary>
    public static int SearchCountLimit(int skip, int take) => checked(SearchCountStep * (1 + (skip + take) / SearchCountStep));

    /// <summary>The count of a query that found <paramref name="counted"/> matches, having counted at most
    /// <paramref name="limit"/> + 1: more than the limit is reported as "at least the limit".</summary>
    public static RecordPage Counted(IReadOnlyList<StoredRecord> items, long counted, int limit) =>
        counted > limit ? new RecordPage(items, limit, TotalIsLowerBound: true) : new RecordPage(items, (int)counted);

    /// <summary>The exact total a window tells without counting: one that is not full ends the query's records, unless it
    /// is empty past the start (the records may end before <paramref name="skip"/>).</summary>
    public static int? TotalFromWindow(int skip, int take, int itemCount) =>
        itemCount < take && (itemCount > 0 || skip == 0) ? skip + itemCount : null;
}
