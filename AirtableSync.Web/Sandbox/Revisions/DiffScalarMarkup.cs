using System.Globalization;
using System.Text;
using AirtableSync.Storage;
using static AirtableSync.Sandbox.Revisions.DiffRowHtmlBuilder;

namespace AirtableSync.Sandbox.Revisions;

// One-value cells (number, currency, percent, date), checkbox and rating, as docs/airtable/revision-history.md §4.2 describes them.
internal static class DiffScalarMarkup
{
    private const string OldClasses = "strikethrough colors-background-negative px-half rounded";
    private const string NewClasses = "colors-background-success px-half rounded";

    public static string Render(FakeFieldChange change, DiffMarkupStyle style, bool date)
    {
        var old = change.OldValues is [var o, ..] ? o : null;
        var @new = change.NewValues is [var n, ..] ? n : null;
        return change.Kind switch
        {
            // A filled date is plain text in `.truncate` plus the time-zone label (§4.2).
            ChangeKind.NullToValue when date => Inner(@new ?? "", date),
            ChangeKind.NullToValue => $"<span class=\"{NewClasses}\">{Inner(@new ?? "", date)}</span>",
            ChangeKind.ValueToNull => $"<span class=\"{OldClasses}\">{Inner(old ?? "", date)}</span>",
            _ => Pair($"<span class=\"{OldClasses}\">{Inner(old ?? "", date)}</span>", $"<span class=\"{NewClasses}\">{Inner(@new ?? "", date)}</span>", style),
        };
    }

    public static string Checkbox(FakeFieldChange change)
    {
        // Only U-PY describes the checkbox (greenLight2 = now checked, redLight2 = was checked); the kind class says the same.
        var color = change.Kind == ChangeKind.ValueToNull ? "redLight2" : "greenLight2";
        return $"<div class=\"flex items-center justify-center rounded {color}\" style=\"width: 16px; height: 16px\"><svg aria-hidden=\"true\" width=\"12\" height=\"12\"><use href=\"#Check\"></use></svg></div>";
    }

    public static string Rating(FakeFieldChange change, DiffMarkupStyle style)
    {
        var old = Stars(change.OldValues);
        var @new = Stars(change.NewValues);
        return change.Kind switch
        {
            ChangeKind.NullToValue => Container("", @new),
            ChangeKind.ValueToNull => Container("colors-background-negative", old),
            _ => Pair(Container("colors-background-negative", old), Container("colors-background-success", @new), style),
        };
    }

    private static string Pair(string old, string @new, DiffMarkupStyle style)
    {
        const string Arrow = "<svg aria-hidden=\"true\" class=\"mx-half\" width=\"12\" height=\"12\"><use href=\"#ArrowRight\"></use></svg>";
        return style.NewBeforeOld ? @new + Arrow + old : old + Arrow + @new;
    }

    private static string Inner(string value, bool date) => date
        ? $"<div class=\"flex items-center\"><div class=\"truncate\">{Visible(value)}</div><div class=\"caps colors-foreground-subtle ml-half small\">UTC</div></div>"
        : Visible(value);

    private static int Stars(IReadOnlyList<string>? values) =>
        values is [var v, ..] && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string Container(string classes, int filled)
    {
        var html = new StringBuilder($"<div class=\"ratingContainer flex items-center rounded {classes}\">");
        for (var i = 0; i < Math.Max(5, filled); i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<svg class=\"icon{(i < filled ? "" : " invisible")}\" width=\"12\" height=\"12\"><use href=\"#Star\"></use></svg>");
        }

        return html.Append("</div>").ToString();
    }
}
