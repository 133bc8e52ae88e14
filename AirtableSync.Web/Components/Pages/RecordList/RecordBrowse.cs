namespace AirtableSync.Web.Components.Pages.RecordList;

public sealed record RecordBrowse(string? Search = null, bool ShowDeleted = false, string? SortFieldId = null, bool Descending = false)
{
    // Ascending, then descending, then back to the store's default order (created time).
    public RecordBrowse WithSortToggled(string fieldId) =>
        SortFieldId != fieldId ? this with { SortFieldId = fieldId, Descending = false }
        : !Descending ? this with { Descending = true }
        : this with { SortFieldId = null, Descending = false };

    public RecordGridRequest Request(int skip, int take) => new(skip, take, Search, SortFieldId, Descending, ShowDeleted);

    // For the address bar, so a view can be shared; defaults are left out. The grid scrolls rather than pages,
    // so an old link's page= is dropped.
    public IReadOnlyDictionary<string, object?> AddressQuery() => new Dictionary<string, object?>
    {
        ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search,
        ["page"] = null,
    };
}
