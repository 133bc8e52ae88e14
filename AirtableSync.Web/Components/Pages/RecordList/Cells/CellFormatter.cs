using System.Globalization;
using System.Text.Json;

namespace AirtableSync.Web.Components.Pages.RecordList.Cells;

// Formats raw values (records API, cellFormat=json) by the field's public-API type (docs/airtable/public-api.md §2.3). Values
// whose shape does not match their type, and types we do not know, show as compact JSON rather than being dropped.
public static class CellFormatter
{
    private const int MaxJsonLength = 300;

    public static CellDisplay Format(FieldSchema field, JsonElement? value, CellFormatContext context)
    {
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return CellDisplay.Empty;
        }
        // Formula and rollup errors arrive as objects instead of scalars (§2.4), whatever the type says.
        if (FormulaError(v) is { } error)
        {
            return CellDisplay.OfText(error, CellKind.Error);
        }
        var options = FieldOptions.Parse(field.OptionsJson);
        return FormatTyped(field.Type, options, v, context) ?? Json(v);
    }

    private static CellDisplay? FormatTyped(string? type, FieldOptions options, JsonElement v, CellFormatContext context) => type switch
    {
        "multilineText" or "richText" => v.ValueKind == JsonValueKind.String ? CellDisplay.OfText(MentionText.Readable(v.GetString() ?? "")) : null,
        "singleLineText" or "email" or "url" or "phoneNumber" => Text(v),
        "number" or "autoNumber" or "count" => Number(v, n => FormatNumber(n, options.Precision, context.Culture)),
        "currency" => Number(v, n => (options.Symbol ?? "") + n.ToString("N" + (options.Precision ?? 2), context.Culture)),
        "percent" => Number(v, n => (n * 100).ToString("N" + (options.Precision ?? 0), context.Culture) + context.Culture.NumberFormat.PercentSymbol),
        "duration" => Number(v, n => DurationText.Format(n, options.DurationFormat, context.Culture)),
        "rating" => Number(v, n => Stars((int)n, options.Max ?? 5)),
        "checkbox" => v.ValueKind == JsonValueKind.True ? new CellDisplay(CellKind.Checkbox, "Yes", []) : v.ValueKind == JsonValueKind.False ? CellDisplay.Empty : null,
        "date" => Date(v, context),
        "dateTime" => DateTime(v, context),
        "createdTime" or "lastModifiedTime" => options.ResultType == "date" ? Date(v, context) : DateTime(v, context),
        "singleSelect" or "externalSyncSource" => v.ValueKind == JsonValueKind.String ? CellDisplay.OfItems(CellKind.Chips, [new CellItem(v.GetString() ?? "")]) : null,
        "multipleSelects" => CellShapes.Strings(v) is { } names ? CellDisplay.OfItems(CellKind.Chips, [.. names.Select(n => new CellItem(n))]) : null,
        "singleCollaborator" or "createdBy" or "lastModifiedBy" => CellShapes.Person(v) is { } p ? CellDisplay.OfItems(CellKind.People, [p]) : null,
        "multipleCollaborators" => CellShapes.People(v),
        "multipleRecordLinks" => CellShapes.Links(v, options, context),
        "multipleAttachments" => CellShapes.Attachments(v),
        "barcode" => CellShapes.Property(v, "text") is { } text ? CellDisplay.OfText(text) : null,
        "button" => CellShapes.Property(v, "label") is { } label ? CellDisplay.OfText(label) : null,
        "aiText" => v.ValueKind == JsonValueKind.Object ? CellDisplay.OfText(CellShapes.Property(v, "value") ?? CellShapes.Property(v, "state") ?? "") : null,
        "formula" or "rollup" => Computed(v, options, context),
        "multipleLookupValues" => Lookup(v, options, context),
        _ => null,
    };

    private static CellDisplay? Computed(JsonElement v, FieldOptions options, CellFormatContext context)
    {
        if (options.ResultType is { } resultType && FormatTyped(resultType, FieldOptions.Parse(options.ResultOptionsJson), v, context) is { } typed)
        {
            return typed;
        }
        return v.ValueKind switch
        {
            JsonValueKind.String => Text(v),
            JsonValueKind.Number => Number(v, n => FormatNumber(n, null, context.Culture)),
            JsonValueKind.True => new CellDisplay(CellKind.Checkbox, "Yes", []),
            JsonValueKind.Array => CellDisplay.OfItems(CellKind.Chips, [.. v.EnumerateArray().Select(e => new CellItem(Scalar(e, context)))]),
            _ => null,
        };
    }

    private static CellDisplay? Lookup(JsonElement v, FieldOptions options, CellFormatContext context)
    {
        if (v.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var elementOptions = FieldOptions.Parse(options.ResultOptionsJson);
        if (options.ResultType == "multipleRecordLinks")
        {
            return CellShapes.Links(v, elementOptions, context);
        }
        var items = new List<CellItem>();
        foreach (var element in v.EnumerateArray())
        {
            var shown = FormulaError(element) is { } error ? CellDisplay.OfText(error, CellKind.Error)
                : FormatTyped(options.ResultType, elementOptions, element, context) ?? Json(element);
            items.AddRange(shown.Items.Count > 0 ? shown.Items : [new CellItem(shown.Text)]);
        }
        return CellDisplay.OfItems(CellKind.Chips, items);
    }

    private static string? FormulaError(JsonElement v) =>
        v.ValueKind != JsonValueKind.Object ? null
        : CellShapes.Property(v, "error") is { } error ? error
        : CellShapes.Property(v, "specialValue") is { } special ? special
        : null;

    private static CellDisplay? Text(JsonElement v) => v.ValueKind == JsonValueKind.String ? CellDisplay.OfText(v.GetString() ?? "") : null;

    private static CellDisplay? Number(JsonElement v, Func<double, string> format) =>
        v.ValueKind == JsonValueKind.Number ? CellDisplay.OfText(format(v.GetDouble()), CellKind.Number) : null;

    internal static string FormatNumber(double n, int? precision, CultureInfo culture) =>
        precision is { } p ? n.ToString("N" + p, culture) : n.ToString("#,##0.########", culture);

    private static string Stars(int value, int max) =>
        new string('★', Math.Clamp(value, 0, max)) + new string('☆', Math.Max(0, max - value));

    private static CellDisplay? Date(JsonElement v, CellFormatContext context)
    {
        var text = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return CellDisplay.OfText(date.ToString("d", context.Culture));
        }
        return DateTime(v, context);
    }

    private static CellDisplay? DateTime(JsonElement v, CellFormatContext context)
    {
        var text = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return null;
        }
        if (text.Length == 10)
        {
            return Date(v, context);
        }
        return CellDisplay.OfText(TimeZoneInfo.ConvertTime(at, context.TimeZone).ToString("g", context.Culture));
    }

    private static string Scalar(JsonElement e, CellFormatContext context) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() ?? "",
        JsonValueKind.Number => FormatNumber(e.GetDouble(), null, context.Culture),
        JsonValueKind.True => "Yes",
        JsonValueKind.False => "No",
        _ => FormulaError(e) ?? Compact(e),
    };

    private static CellDisplay Json(JsonElement v) => CellDisplay.OfText(Compact(v), CellKind.Json);

    private static string Compact(JsonElement v)
    {
        var json = JsonSerializer.Serialize(v);
        return json.Length <= MaxJsonLength ? json : string.Concat(json.AsSpan(0, MaxJsonLength), "…");
    }
}
