using System.Globalization;

namespace AirtableSync.Web.Components.Pages.RecordList;

/// <summary>What the analyst is looking at in a table's grid: search, deleted rows, sort and per-field filters.</summary>
public sealed record RecordBrowse(
    string? Search = null,
    bool ShowDeleted = false,
    string? SortFieldId = null,
    bool Descending = false,
    IReadOnlyList<RecordFilter>? Filters = null)
{
    public IReadOnlyList<RecordFilter> ActiveFilters => Filters ?? [];

    public bool IsNarrowed => !string.IsNullOrWhiteSpace(Search) || ActiveFilters.Count > 0;

    // Ascending, then descending, then back to the store's default order (created time).
    public RecordBrowse WithSortToggled(string fieldId) =>
        SortFieldId != fieldId ? this with { SortFieldId = fieldId, Descending = false }
        : !Descending ? this with { Descending = true }
        : this with { SortFieldId = null, Descending = false };

    /// <summary>One filter per field: a new filter on a field replaces its old one; null removes it.</summary>
    public RecordBrowse WithFilter(string fieldId, RecordFilter? filter) =>
        this with { Filters = [.. ActiveFilters.Where(f => f.FieldId != fieldId), .. filter is null ? Array.Empty<RecordFilter>() : [filter]] };

    /// <param name="zone">The viewer's zone: the days of a date filter are their days (the address carries days only).</param>
    public RecordGridRequest Request(int skip, int take, TimeZoneInfo? zone = null) =>
        new(skip, take, Search, SortFieldId, Descending, ShowDeleted, [.. ActiveFilters.Select(f => f is DateRangeFilter range ? range with { Zone = zone } : f)]);

    /// <summary>
    /// The address bar's query (without "?"), so a view can be shared: q= and the same filter keys as the REST API
    /// (filter[fld…], blank[fld…], from[fld…], to[fld…]); defaults are left out. The grid scrolls rather than pages,
    /// so an old link's page= is dropped.
    /// </summary>
    public string AddressQuery()
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            pairs.Add(new("q", Search));
        }
        pairs.AddRange(FilterPairs(ActiveFilters));
        return string.Join('&', pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }

    public static IEnumerable<KeyValuePair<string, string>> FilterPairs(IEnumerable<RecordFilter> filters)
    {
        foreach (var filter in filters)
        {
            switch (filter)
            {
                case ValueFilter values:
                    foreach (var value in values.Values)
                    {
                        yield return new($"filter[{values.FieldId}]", value);
                    }
                    if (values.IncludeBlank)
                    {
                        yield return new($"blank[{values.FieldId}]", "true");
                    }
                    break;
                case DateRangeFilter range:
                    if (range.From is { } from)
                    {
                        yield return new($"from[{range.FieldId}]", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    }
                    if (range.To is { } to)
                    {
                        yield return new($"to[{range.FieldId}]", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    }
                    break;
            }
        }
    }
}
