using System.Globalization;

namespace AirtableSync.Web.Components.Pages.RecordList.Cells;

/// <summary>What a cell needs besides its value: the viewer's culture and zone, and linked records' titles.</summary>
/// <param name="LinkedRecordTitles">Primary values of linked records, resolved from the local store per page.</param>
public sealed record CellFormatContext(
    CultureInfo Culture,
    TimeZoneInfo TimeZone,
    string BaseId,
    IReadOnlyDictionary<string, string> LinkedRecordTitles)
{
    public static CellFormatContext Invariant(string baseId = "") =>
        new(CultureInfo.InvariantCulture, TimeZoneInfo.Utc, baseId, new Dictionary<string, string>());
}
