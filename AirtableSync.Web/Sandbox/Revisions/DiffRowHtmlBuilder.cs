using System.Globalization;
using System.Net;
using System.Text;
using AirtableSync.Storage;

namespace AirtableSync.Sandbox.Revisions;

/// <summary>
/// Draws <c>diffRowHtml</c> the way docs/airtable/revision-history.md §4 reconstructs it: one <c>div.historicalCellContainer</c> per
/// changed field, header <c>div.micro.strong.caps[columnId]</c>, value <c>div.historicalCellValue</c> with the change-kind
/// class and <c>data-columntype</c>. Names are written with NBSPs and pills carry avatar initials and badges, as the real
/// markup does, so a parser has to strip them.
/// </summary>
public sealed class DiffRowHtmlBuilder(DiffMarkupStyle? style = null)
{
    private readonly DiffMarkupStyle _style = style ?? DiffMarkupStyle.Default;

    public string Build(IEnumerable<FakeFieldChange> changes) => string.Concat(changes.Select(Container));

    public string Container(FakeFieldChange change)
    {
        var kindClass = change.Kind switch
        {
            ChangeKind.NullToValue => "nullToValue",
            ChangeKind.ValueToNull => "valueToNull",
            _ => "diff",
        };
        return new StringBuilder()
            .Append("<div class=\"historicalCellContainer mb2\">")
            .Append(CultureInfo.InvariantCulture, $"<div class=\"micro strong caps quiet mb-half\" columnId=\"{Attr(change.FieldId)}\">{Visible(change.FieldName)}</div>")
            .Append(CultureInfo.InvariantCulture, $"<div class=\"historicalCellValueContainer relative\" columntypeifunchanged=\"{Attr(change.ColumnType)}\">")
            .Append(CultureInfo.InvariantCulture, $"<div class=\"historicalCellValue {kindClass}\" data-columntype=\"{Attr(change.ColumnType)}\">")
            .Append(Value(change))
            .Append("</div></div></div>")
            .ToString();
    }

    private string Value(FakeFieldChange change)
    {
        var tokens = DiffTokens.Of(change, _style.NewBeforeOld);
        return change.ColumnType switch
        {
            "select" => DiffTokenMarkup.Select(tokens, _style, multi: false),
            "multiSelect" => DiffTokenMarkup.Select(tokens, _style, multi: true),
            "collaborator" => DiffTokenMarkup.Collaborators(tokens, _style, multi: false),
            "multipleCollaborators" => DiffTokenMarkup.Collaborators(tokens, _style, multi: true),
            "foreignKey" => DiffTokenMarkup.LinkedRecords(tokens),
            "multipleAttachment" => DiffTokenMarkup.Attachments(tokens),
            "text" or "multilineText" or "asyncText" or "richText" => TextDiffMarkup.Render(change),
            "date" or "dateTime" => DiffScalarMarkup.Render(change, _style, date: true),
            "checkbox" => DiffScalarMarkup.Checkbox(change),
            "rating" => DiffScalarMarkup.Rating(change, _style),
            "number" or "currency" or "percent" or "duration" => DiffScalarMarkup.Render(change, _style, date: false),
            _ => $"<div class=\"truncate\">{Visible(string.Join(", ", change.NewValues ?? change.OldValues ?? []))}</div>",
        };
    }

    internal static string Attr(string text) => WebUtility.HtmlEncode(text);

    // Spaces written as NBSPs (docs/airtable/revision-history.md §4.2: they occur and must read as spaces).
    internal static string Visible(string text) => WebUtility.HtmlEncode(text).Replace(" ", "&nbsp;", StringComparison.Ordinal);
}
