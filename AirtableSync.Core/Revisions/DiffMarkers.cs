using AngleSharp.Dom;

namespace AirtableSync.Revisions;

internal enum TokenSide { Unchanged, Old, New }

// Decides whether a token of a diff is the old value, the new value or unchanged. Only semantic markers count
// (docs/airtable/revision-history.md §4.2): strike-through (class or inline style), removed/added, the #Minus/#Plus
// badges and the colors-background-negative/success diff highlight. Choice colours such as greenLight1 are
// never read, because users pick them for their own select options.
internal static class DiffMarkers
{
    public static TokenSide SideOf(IElement token, IElement root, IReadOnlyCollection<IElement> allTokens)
    {
        var old = false;
        var added = false;
        for (var e = token; e is not null && e != root; e = e.ParentElement)
        {
            old |= IsStruck(e) || e.ClassList.Contains("removed") || e.ClassList.Contains("colors-background-negative");
            added |= e.ClassList.Contains("added") || e.ClassList.Contains("colors-background-success");

            // A badge sits next to its token inside a small wrapper (§4.3: div.inline-block:has(svg use[href*="#Minus"])).
            // Only look at badges of ancestors that wrap this token alone, so one token's badge never marks its neighbours.
            if (e == token || OnlyToken(e, token, allTokens))
            {
                var badge = BadgeIn(e);
                old |= badge == TokenSide.Old;
                added |= badge == TokenSide.New;
            }
        }

        return old ? TokenSide.Old : added ? TokenSide.New : TokenSide.Unchanged;
    }

    public static bool IsStruck(IElement e) =>
        e.ClassList.Contains("strikethrough")
        || (e.GetAttribute("style")?.Contains("line-through", StringComparison.OrdinalIgnoreCase) ?? false);

    // Reads <use href> or xlink:href (both occur, §4.2) before anything strips the svg.
    public static TokenSide BadgeIn(IElement scope)
    {
        foreach (var use in scope.QuerySelectorAll("use"))
        {
            foreach (var attribute in use.Attributes)
            {
                if (!string.Equals(attribute.LocalName, "href", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (attribute.Value.Contains("#Minus", StringComparison.OrdinalIgnoreCase))
                {
                    return TokenSide.Old;
                }

                if (attribute.Value.Contains("#Plus", StringComparison.OrdinalIgnoreCase))
                {
                    return TokenSide.New;
                }
            }
        }

        return TokenSide.Unchanged;
    }

    private static bool OnlyToken(IElement ancestor, IElement token, IReadOnlyCollection<IElement> allTokens)
    {
        foreach (var other in allTokens)
        {
            if (other != token && ancestor.Contains(other))
            {
                return false;
            }
        }

        return true;
    }
}
