using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace AirtableSync.Revisions;

// Names a select token from the schema's choices when the markup does not: a token whose text or attribute is a
// choice id (sel…) takes that choice's name, and a token with no name at all takes the one choice painted in
// its colour. Select values normally arrive as names (docs/airtable/revision-history.md §8.3); a visible name always wins, so a
// choice renamed since the change keeps the name it had then.
internal static partial class ChoiceNames
{
    public static Func<IElement, string?> For(IReadOnlyList<SchemaChoice> choices) =>
        choices.Count == 0 ? TokenReader.SelectName : token => Resolve(token, choices);

    private static string? Resolve(IElement token, IReadOnlyList<SchemaChoice> choices)
    {
        if (TokenReader.SelectName(token) is { } name)
        {
            return ById(name, choices) ?? name;
        }

        foreach (var element in token.DescendantsAndSelf<IElement>())
        {
            foreach (var attribute in element.Attributes)
            {
                if (ById(attribute.Value.Trim(), choices) is { } byId)
                {
                    return byId;
                }
            }
        }

        // Choice colours are never diff markers (§4.2), but for a token that shows nothing else the colour is the
        // choice's own; it names the token only when exactly one choice wears it.
        var colors = ColorsOf(token);
        var painted = choices.Where(c => c.Color is { } color && colors.Contains(color)).Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();
        return painted.Count == 1 ? painted[0] : null;
    }

    private static string? ById(string text, IReadOnlyList<SchemaChoice> choices) =>
        text.StartsWith("sel", StringComparison.Ordinal)
            ? choices.FirstOrDefault(c => string.Equals(c.Id, text, StringComparison.Ordinal))?.Name
            : null;

    // Palette names in inline styles (var(--palette-blueLight2)) and in class lists.
    private static HashSet<string> ColorsOf(IElement token)
    {
        var colors = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in token.DescendantsAndSelf<IElement>())
        {
            foreach (Match match in PaletteVariable().Matches(element.GetAttribute("style") ?? ""))
            {
                colors.Add(match.Groups[1].Value);
            }

            colors.UnionWith(element.ClassList);
        }

        return colors;
    }

    [GeneratedRegex(@"--palette-([A-Za-z0-9]+)")]
    private static partial Regex PaletteVariable();
}
