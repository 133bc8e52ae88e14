using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AirtableSync.Revisions;

/// <summary>
/// Reads one activity's <c>diffRowHtml</c> into one <see cref="ParsedFieldChange"/> per <c>div.historicalCellContainer</c>
/// (revision-history.md §4). Never throws and never drops a container: markup it does not understand comes back with
/// <see cref="ParsedFieldChange.IsParsed"/> false and its raw HTML, so it can be re-parsed when the parser learns more.
/// </summary>
public sealed class RevisionDiffParser
{
    // Strict mode would throw on the first parse error; a browser's error recovery is what turns truncated or odd
    // markup into something still worth keeping.
    private readonly HtmlParserOptions _options = new() { IsStrictMode = false, IsScripting = false };

    public IReadOnlyList<ParsedFieldChange> Parse(string? diffRowHtml)
    {
        var html = diffRowHtml ?? "";
        // A parser per call: this instance is shared (singleton) and concurrent use of one HtmlParser is not documented as safe.
        var body = new HtmlParser(_options).ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>").Body;
        var containers = body?.QuerySelectorAll(".historicalCellContainer").ToList() ?? [];
        if (containers.Count == 0)
        {
            return [new ParsedFieldChange { Index = 0, RawHtml = html, IsParsed = false }];
        }

        return [.. containers.Select((c, i) => ParseContainer(c, i))];
    }

    private static ParsedFieldChange ParseContainer(IElement container, int index)
    {
        // The header is the first child `div.micro.strong.caps[columnId]`; AngleSharp lowercases attribute names (§4.4).
        var header = container.QuerySelector("[columnid]") ?? container.QuerySelector(".micro.strong.caps");
        var fieldId = Blank(header?.GetAttribute("columnid"));
        var fieldName = header is null ? null : DiffText.Name(header);
        var value = container.QuerySelector(".historicalCellValue");
        var columnType = Blank(value?.GetAttribute("data-columntype"))
            ?? Blank(container.QuerySelector("[columntypeifunchanged]")?.GetAttribute("columntypeifunchanged"));
        var kind = value is null ? ChangeKind.Unknown : KindOf(value);

        var sides = value is null ? DiffSides.Unrecognised : DiffValueReader.Read(value, columnType, kind);
        return new ParsedFieldChange
        {
            Index = index,
            FieldId = fieldId,
            FieldName = fieldName,
            ColumnType = columnType,
            ChangeKind = kind,
            OldValues = sides.Old,
            NewValues = sides.New,
            IsParsed = sides.Recognised && fieldId is not null && kind != ChangeKind.Unknown,
            RawHtml = container.OuterHtml,
        };
    }

    private static ChangeKind KindOf(IElement value) =>
        value.ClassList.Contains("diff") ? ChangeKind.Diff
        : value.ClassList.Contains("nullToValue") ? ChangeKind.NullToValue
        : value.ClassList.Contains("valueToNull") ? ChangeKind.ValueToNull
        : ChangeKind.Unknown;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
