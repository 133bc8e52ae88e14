using System.Globalization;
using System.Text;
using static AirtableSync.Sandbox.Revisions.DiffRowHtmlBuilder;

namespace AirtableSync.Sandbox.Revisions;

// Select pills (both dialects), collaborator pills, linked records, attachment previews (docs/airtable/revision-history.md §4.2).
internal static class DiffTokenMarkup
{
    public static string Select(IReadOnlyList<DiffToken> tokens, DiffMarkupStyle style, bool multi)
    {
        var html = new StringBuilder("<div class=\"flex flex-wrap items-center\">");
        foreach (var token in tokens)
        {
            html.Append(style.SelectMarkup == SelectMarkup.Spans ? SpanToken(token, style) : ChoiceToken(token, style, multi));
        }

        return html.Append("</div>").ToString();
    }

    private static string ChoiceToken(DiffToken token, DiffMarkupStyle style, bool multi)
    {
        var color = Color(token.Mark, style);
        var strike = token.Mark == TokenMark.Removed ? " text-decoration: line-through;" : "";
        // A single select's new choice carries no badge in some captures (E4 leaves it bare); multi-selects badge additions.
        var badge = token.Mark switch
        {
            TokenMark.Removed => Badge("Minus", style),
            TokenMark.Added when multi => Badge("Plus", style),
            _ => "",
        };
        return $"<div class=\"inline-block relative mr-half\"><div class=\"choiceToken flex items-center rounded-full px1 text-dark\" style=\"background-color: var(--palette-{color});{strike}\">"
            + $"<div class=\"truncate-pre flex-auto\" title=\"{Attr(token.Text)}\">{Visible(token.Text)}</div></div>{badge}</div>";
    }

    private static string SpanToken(DiffToken token, DiffMarkupStyle style)
    {
        var classes = token.Mark switch
        {
            TokenMark.Removed => "strikethrough colors-background-negative",
            TokenMark.Added => "colors-background-success",
            _ => "colors-background-default",
        };
        return $"<span class=\"{classes} rounded px-half mr-half\" style=\"color: var(--palette-{Color(token.Mark, style)})\" title=\"{Attr(token.Text)}\">{Visible(token.Text)}</span>";
    }

    public static string Collaborators(IReadOnlyList<DiffToken> tokens, DiffMarkupStyle style, bool multi)
    {
        var html = new StringBuilder("<div class=\"flex flex-wrap\">");
        foreach (var token in tokens)
        {
            var strike = token.Mark == TokenMark.Removed ? " strikethrough" : "";
            var badge = token.Mark switch
            {
                TokenMark.Removed => Badge("Minus", style),
                TokenMark.Added when multi => Badge("Plus", style),
                _ => "",
            };
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"pill flex items-center rounded-full mr-half{strike}\">")
                .Append(CultureInfo.InvariantCulture, $"<div class=\"circle flex-none small\" aria-hidden=\"true\" style=\"background-color: var(--palette-blueLight1)\">{DiffTokens.Initials(token.Text)}</div>")
                .Append(CultureInfo.InvariantCulture, $"<div class=\"flex-auto truncate\"><div class=\"flex-auto truncate px-half\">{Visible(token.Text)}</div></div>")
                .Append(badge)
                .Append("</div>");
        }

        return html.Append("</div>").ToString();
    }

    public static string LinkedRecords(IReadOnlyList<DiffToken> tokens)
    {
        var html = new StringBuilder("<div class=\"foreignRecordRendererContainer flex flex-wrap\">");
        foreach (var token in tokens)
        {
            var mark = token.Mark switch { TokenMark.Removed => " removed", TokenMark.Added => " added", _ => "" };
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"foreignRecord rounded px-half mr-half{mark}\" title=\"{Attr(token.Text)}\"><span class=\"truncate\">{Visible(token.Text)}</span></div>");
        }

        return html.Append("</div>").ToString();
    }

    public static string Attachments(IReadOnlyList<DiffToken> tokens)
    {
        var html = new StringBuilder("<div class=\"flex flex-wrap\">");
        foreach (var token in tokens)
        {
            var (title, border) = token.Mark switch
            {
                TokenMark.Removed => ($"{token.Text} was removed", "border-red-light1"),
                TokenMark.Added => ($"{token.Text} was added", "border-green-light1"),
                _ => (token.Text, "border-dark"),
            };
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"preview inline-block mr-half border {border}\" title=\"{Attr(title)}\"><img src=\"https://dl.example.invalid/{Uri.EscapeDataString(token.Text)}\" alt=\"\"></div>");
        }

        return html.Append("</div>").ToString();
    }

    internal static string Badge(string icon, DiffMarkupStyle style)
    {
        var href = style.XlinkHref ? "xlink:href" : "href";
        return $"<div class=\"absolute\" style=\"top: -4px; right: -4px\" aria-hidden=\"true\"><svg width=\"12\" height=\"12\" class=\"icon\"><use {href}=\"#{icon}\"></use></svg></div>";
    }

    // Choice colours are user choices; with DiffMarkupStyle.SwapChoiceColors the removed choice is the green one.
    private static string Color(TokenMark mark, DiffMarkupStyle style) => mark switch
    {
        TokenMark.Removed => style.SwapChoiceColors ? "greenLight1" : "redLight1",
        TokenMark.Added => style.SwapChoiceColors ? "redLight1" : "greenLight1",
        _ => "blueLight1",
    };
}
