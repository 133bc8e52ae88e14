using System.Globalization;
using System.Text.Json;
using AirtableSync.Web.Components.Pages.RecordList.Cells;

namespace AirtableSync.Web.Components.Pages.RecordList.Export;

// The grid's formatting, with dates and numbers a spreadsheet can read back.
public static class ExportCells
{
    // A CSV travels, so it is culture-neutral: invariant numbers without group separators (1234.5, not "1,234.5") and ISO 8601
    // dates (yyyy-MM-dd) in UTC, for values nested in lookups and formulas that go through the grid's formatter.
    public static CultureInfo Culture { get; } = CreateCulture();

    private static readonly string[] DateTypes = ["date", "dateTime", "createdTime", "lastModifiedTime"];

    public static CellFormatContext Context(string baseId, IReadOnlyDictionary<string, string> linkedRecordTitles) =>
        new(Culture, TimeZoneInfo.Utc, baseId, linkedRecordTitles);

    // Full ISO 8601 in UTC with milliseconds (the store's precision).
    public static string Instant(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : "";

    public static IEnumerable<string> Format(string fieldsJson, IReadOnlyList<FieldSchema> columns, CellFormatContext context)
    {
        var raw = RecordCells.Parse(fieldsJson);
        foreach (var field in columns)
        {
            JsonElement? value = raw.TryGetValue(field.Id, out var v) ? v : null;
            // Airtable already sends dates as ISO 8601 (docs/airtable/public-api.md §2.3): kept verbatim, they lose neither
            // seconds nor zone, which the grid's short culture formats would.
            yield return IsDate(field) && value is { ValueKind: JsonValueKind.String } text
                ? text.GetString() ?? ""
                // The grid draws a rating as stars; a spreadsheet wants the number (Airtable sends 1..max).
                : field.Type == "rating" && value is { ValueKind: JsonValueKind.Number } rating
                ? rating.GetDouble().ToString(Culture)
                : CellFormatter.Format(field, value, context).Text;
        }
    }

    private static bool IsDate(FieldSchema field) =>
        DateTypes.Contains(field.Type)
        || (field.Type is "formula" or "rollup" && FieldOptions.Parse(field.OptionsJson).ResultType is "date" or "dateTime");

    private static CultureInfo CreateCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberGroupSeparator = "";
        culture.NumberFormat.CurrencyGroupSeparator = "";
        culture.NumberFormat.PercentGroupSeparator = "";
        culture.DateTimeFormat.ShortDatePattern = "yyyy-MM-dd";
        culture.DateTimeFormat.ShortTimePattern = "HH:mm:ss";
        return CultureInfo.ReadOnly(culture);
    }
}
