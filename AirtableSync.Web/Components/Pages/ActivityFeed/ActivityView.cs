using System.Globalization;

namespace AirtableSync.Web.Components.Pages.ActivityFeed;

/// <summary>What the feed shows: a table, a field, a person, a kind of change, a range of days and a search.</summary>
public sealed record ActivityView(
    string? TableId = null,
    string? FieldId = null,
    string? Actor = null,
    RevisionEventKind? Kind = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Search = null)
{
    private const string DayFormat = "yyyy-MM-dd";

    public bool IsNarrowed => this != new ActivityView();

    /// <param name="zone">The viewer's zone: From and To are their days, both inclusive.</param>
    public ActivityQuery Query(string baseId, TimeZoneInfo zone, string? cursor, int take) => new(
        baseId,
        TableId,
        TableId is null ? null : FieldId, // a field belongs to its table
        Actor,
        Kind,
        From is { } from ? StartOf(from, zone) : null,
        To is { } to ? StartOf(to.AddDays(1), zone) : null,
        string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        cursor,
        take);

    // The instant a day begins in a zone; where a clock change skips midnight, the first time that exists.
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The address bar's query (without "?"), so a view of the feed can be shared; defaults left out.</summary>
    public string AddressQuery()
    {
        var pairs = new List<(string Key, string? Value)>
        {
            ("table", TableId),
            ("field", TableId is null ? null : FieldId),
            ("person", Actor),
            ("kind", Kind?.ToString().ToLowerInvariant()),
            ("from", From?.ToString(DayFormat, CultureInfo.InvariantCulture)),
            ("to", To?.ToString(DayFormat, CultureInfo.InvariantCulture)),
            ("q", string.IsNullOrWhiteSpace(Search) ? null : Search),
        };
        return string.Join('&', pairs.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }

    /// <summary>The REST API's (and CSV export's) query for this view: the viewer's days as UTC instants.</summary>
    public string ApiQuery(TimeZoneInfo zone)
    {
        var pairs = new List<(string Key, string? Value)>
        {
            ("tableId", TableId),
            ("fieldId", TableId is null ? null : FieldId),
            ("actor", Actor),
            ("kind", Kind?.ToString().ToLowerInvariant()),
            ("from", From is { } from ? Instant(StartOf(from, zone)) : null),
            ("to", To is { } to ? Instant(StartOf(to.AddDays(1), zone)) : null),
            ("q", string.IsNullOrWhiteSpace(Search) ? null : Search.Trim()),
        };
        return string.Join('&', pairs.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));

        static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>A shared address's view; a value that does not parse is left out rather than failing the page.</summary>
    public static ActivityView FromAddress(IReadOnlyDictionary<string, string?> query)
    {
        string? Get(string key) => query.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        return new ActivityView(
            Get("table"),
            Get("field"),
            Get("person"),
            Enum.TryParse<RevisionEventKind>(Get("kind"), ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null,
            Day(Get("from")),
            Day(Get("to")),
            Get("q"));

        static DateOnly? Day(string? text) =>
            DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }
}
