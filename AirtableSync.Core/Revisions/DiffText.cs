using AngleSharp.Dom;

namespace AirtableSync.Revisions;

// Text of diff markup without avatar initials and badge glyphs, NBSPs read as spaces (docs/airtable/revision-history.md §4.2).
internal static class DiffText
{
    private const string Decoration = "[aria-hidden='true'], svg, .circle";

    // Visible text with decoration removed; whitespace kept as is apart from NBSP → space.
    public static string Raw(IElement element)
    {
        if (element.QuerySelector(Decoration) is null)
        {
            return Spaces(element.TextContent);
        }

        var copy = (IElement)element.Clone(deep: true);
        foreach (var decoration in copy.QuerySelectorAll(Decoration).ToList())
        {
            decoration.Remove();
        }

        return Spaces(copy.TextContent);
    }

    // Visible text trimmed and with whitespace runs collapsed; null when nothing but whitespace (an all-NBSP value is empty).
    public static string? Name(IElement element) => Collapse(Raw(element));

    public static string? Collapse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public static string Spaces(string text) => text.Replace('\u00A0', ' ');
}
