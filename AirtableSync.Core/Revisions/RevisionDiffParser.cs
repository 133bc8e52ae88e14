using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AirtableSync.Revisions;

// Reads one activity's diffRowHtml into one ParsedFieldChange per div.historicalCellContainer
// (docs/airtable/revision-history.md §4). Never throws and never drops a container: markup it does not understand comes back with
// ParsedFieldChange.IsParsed false and its raw HTML, so it can be re-parsed when the parser learns more.
public sealed class RevisionDiffParser
{
    // Strict mode would throw on the first parse error; a browser's error recovery is what turns truncated or odd
    // markup into something still worth keeping.
    private readonly HtmlParserOptions _options = new() { IsStrictMode = false, IsScripting = false };

    // schema: The table's synced schema; its field types decide value shapes and name choices (see RevisionSchema).
    public IReadOnlyList<ParsedFieldChange> Parse(string? diffRowHtml, RevisionSchema? schema = null)
    {
        var html = diffRowHtml ?? "";
        // A parser per call: this instance is shared (singleton) and concurrent use of one HtmlParser is not documented as safe.
        var body = new HtmlParser(_options).ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>").Body;
        var containers = body?.QuerySelectorAll(".historicalCellContainer").ToList() ?? [];
        if (containers.Count == 0)
        {
            return [new ParsedFieldChange { Index = 0, RawHtml = html, IsParsed = false }];
        }

        return [.. containers.Select((c, i) => ParseContainer(c, i, schema ?? RevisionSchema.Empty))];
    }

    private static ParsedFieldChange ParseContainer(IElement container, int index, RevisionSchema schema)
    {
        // The header is the first child `div.micro.strong.caps[columnId]`; AngleSharp lowercases attribute names (§4.4).
        var header = container.QuerySelector("[columnid]") ?? container.QuerySelector(".micro.strong.caps");
        var fieldId = Blank(header?.GetAttribute("columnid"));
        var fieldName = header is null ? null : DiffText.Name(header);
        var value = container.QuerySelector(".historicalCellValue");
        var columnType = Blank(value?.GetAttribute("data-columntype"))
            ?? Blank(container.QuerySelector("[columntypeifunchanged]")?.GetAttribute("columntypeifunchanged"));
        var kind = value is null ? ChangeKind.Unknown : KindOf(value);

        var sides = value is null ? DiffSides.Unrecognised : ReadValue(value, kind, columnType, schema.Find(fieldId));
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

    // The schema's type decides the shape whenever it fixes one: the markup's type names are internal, partly unknown
    // (whether a multi-user field says collaborator or a multi variant, docs/airtable/revision-history.md §4.1 [U]) and a
    // wrong single/multi reading puts unchanged tokens on the wrong side. The markup's type speaks only for fields
    // the schema does not know, and as a second reading when the field's markup matches nothing of its schema shape
    // (a field whose type was converted after the change).
    private static DiffSides ReadValue(IElement value, ChangeKind kind, string? columnType, SchemaField? field)
    {
        var markupShape = DiffColumnTypes.ShapeOf(columnType);
        var schemaShape = DiffColumnTypes.ShapeOfSchemaType(field?.Type);
        var choices = field?.Choices ?? [];
        if (schemaShape == DiffValueShape.Unknown)
        {
            return DiffValueReader.Read(value, markupShape, kind, choices);
        }

        var sides = DiffValueReader.Read(value, schemaShape, kind, choices);
        return sides.Recognised || markupShape == schemaShape ? sides : DiffValueReader.Read(value, markupShape, kind, choices);
    }

    private static ChangeKind KindOf(IElement value) =>
        value.ClassList.Contains("diff") ? ChangeKind.Diff
        : value.ClassList.Contains("nullToValue") ? ChangeKind.NullToValue
        : value.ClassList.Contains("valueToNull") ? ChangeKind.ValueToNull
        : ChangeKind.Unknown;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
