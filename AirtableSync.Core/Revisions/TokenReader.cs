using AngleSharp.Dom;

namespace AirtableSync.Revisions;

// Reads values drawn as tokens: select pills, collaborator pills, linked records, attachment previews.
// In multi-valued fields an unmarked token is unchanged and belongs to both sides (§4.2). In single-valued fields an
// unmarked token is the side that has no marked token — the E4 markup strikes the old choice and leaves the new one bare.
internal static class TokenReader
{
    public static DiffSides Read(
        IReadOnlyList<IElement> tokens,
        IElement root,
        ChangeKind kind,
        bool single,
        Func<IElement, string?> name,
        Func<IElement, TokenSide?>? explicitSide = null)
    {
        var named = new List<(string Name, TokenSide Side)>();
        foreach (var token in tokens)
        {
            if (name(token) is { } text)
            {
                named.Add((text, explicitSide?.Invoke(token) ?? DiffMarkers.SideOf(token, root, tokens)));
            }
        }

        if (named.Count == 0)
        {
            return DiffSides.Unrecognised;
        }

        var all = named.Select(t => t.Name).ToList();
        var hasOld = named.Any(t => t.Side == TokenSide.Old);
        var hasNew = named.Any(t => t.Side == TokenSide.New);
        var unchangedGoesTo = !single ? (TokenSide?)null : !hasNew ? TokenSide.New : !hasOld ? TokenSide.Old : null;

        var old = named.Where(t => t.Side == TokenSide.Old || (t.Side == TokenSide.Unchanged && unchangedGoesTo != TokenSide.New))
            .Select(t => t.Name).ToList();
        var @new = named.Where(t => t.Side == TokenSide.New || (t.Side == TokenSide.Unchanged && unchangedGoesTo != TokenSide.Old))
            .Select(t => t.Name).ToList();
        return DiffSides.For(kind, old, @new, all);
    }

    // .choiceToken pills, else the span dialect's titled spans (innermost element carrying a title, §4.3 E1/E4).
    public static IReadOnlyList<IElement> SelectTokens(IElement root)
    {
        var pills = root.QuerySelectorAll(".choiceToken").ToList();
        if (pills.Count > 0)
        {
            return pills;
        }

        return [.. root.QuerySelectorAll("[title]").Where(e => e.QuerySelector("[title]") is null && e.LocalName != "use")];
    }

    public static string? SelectName(IElement token) =>
        DiffText.Collapse(DiffText.Spaces(token.GetAttribute("title") ?? ""))
        ?? (token.QuerySelector(".truncate-pre[title], [title]") is { } titled ? DiffText.Collapse(DiffText.Spaces(titled.GetAttribute("title") ?? "")) : null)
        ?? (token.QuerySelector(".truncate-pre") is { } pre ? DiffText.Name(pre) : null)
        ?? DiffText.Name(token);

    // .pill per user, else bare name divs (E4); the name is in the innermost .flex-auto.truncate.
    public static IReadOnlyList<IElement> CollaboratorTokens(IElement root)
    {
        var pills = root.QuerySelectorAll(".pill").ToList();
        return pills.Count > 0
            ? pills
            : [.. root.QuerySelectorAll(".flex-auto.truncate").Where(e => e.QuerySelector(".flex-auto.truncate") is null)];
    }

    public static string? CollaboratorName(IElement pill)
    {
        var inner = pill.QuerySelectorAll(".flex-auto.truncate");
        return (inner.Length > 0 ? DiffText.Name(inner[inner.Length - 1]) : null) ?? DiffText.Name(pill);
    }

    public static string? TitleOrText(IElement token) =>
        DiffText.Collapse(DiffText.Spaces(token.GetAttribute("title") ?? "")) ?? DiffText.Name(token);

    private const string AddedSuffix = " was added";
    private const string RemovedSuffix = " was removed";

    // Attachment previews carry their side in English in the title (the client pins x-user-locale: en, §2.3).
    public static TokenSide? AttachmentSide(IElement preview)
    {
        var title = preview.GetAttribute("title") ?? "";
        return title.EndsWith(AddedSuffix, StringComparison.OrdinalIgnoreCase) ? TokenSide.New
            : title.EndsWith(RemovedSuffix, StringComparison.OrdinalIgnoreCase) ? TokenSide.Old
            : null;
    }

    public static string? AttachmentName(IElement preview)
    {
        var title = DiffText.Spaces(preview.GetAttribute("title") ?? "");
        foreach (var suffix in (string[])[AddedSuffix, RemovedSuffix])
        {
            if (title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                title = title[..^suffix.Length];
            }
        }

        return DiffText.Collapse(title) ?? DiffText.Name(preview);
    }
}
