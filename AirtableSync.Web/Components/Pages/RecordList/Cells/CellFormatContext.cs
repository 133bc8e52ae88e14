using System.Globalization;

namespace AirtableSync.Web.Components.Pages.RecordList.Cells;

// LinkedRecordTitles: primary values of linked records, resolved from the local store per page.
public sealed record CellFormatContext(
    CultureInfo Culture,
    TimeZoneInfo TimeZone,
    string BaseId,
    IReadOnlyDictionary<string, string> LinkedRecordTitles)
{
    public static CellFormatContext Invariant(string baseId = "") =>
        new(CultureInfo.InvariantCulture, TimeZoneInfo.Utc, baseId, new Dictionary<string, string>());
}
